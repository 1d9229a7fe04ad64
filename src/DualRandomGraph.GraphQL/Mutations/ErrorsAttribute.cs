using System.Reflection;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Mutations;

/// <summary>
/// Put on a payload's <c>Errors</c> property: the field becomes <c>[{Mutation}Error!]</c>, a union of the listed
/// error types named after the payload (<c>CreateTargetPayload</c> → <c>CreateTargetError</c>), as HotChocolate's
/// mutation conventions name it. Each error type implements the <c>Error</c> interface.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ErrorsAttribute(params Type[] errorTypes) : GraphQLAttribute
{
    public override void Modify(FieldType fieldType, bool isInputType, IGraphType graphType, MemberInfo memberInfo, ref bool ignore)
    {
        var payloadName = memberInfo.DeclaringType!.Name;
        var unionName = (payloadName.EndsWith("Payload", StringComparison.Ordinal) ? payloadName[..^"Payload".Length] : payloadName) + "Error";
        var union = new UnionGraphType { Name = unionName };
        foreach (var errorType in errorTypes)
        {
            if (!typeof(IUserError).IsAssignableFrom(errorType))
            {
                throw new InvalidOperationException($"{errorType.Name} in [Errors] of {payloadName} does not implement {nameof(IUserError)}.");
            }

            union.Type(typeof(UserErrorGraphType<>).MakeGenericType(errorType));
        }

        fieldType.Type = null;
        fieldType.ResolvedType = new ListGraphType(new NonNullGraphType(union));
    }
}

/// <summary>An auto-registered error object that implements the <c>Error</c> interface.</summary>
public sealed class UserErrorGraphType<TError> : AutoRegisteringObjectGraphType<TError> where TError : IUserError
{
    public UserErrorGraphType()
    {
        Interface<ErrorInterfaceType>();
        IsTypeOf = value => value is TError;
    }
}
