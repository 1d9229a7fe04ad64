using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Stands for a GraphQL type name as a CLR type, so that a generated graph type can be a closed generic
/// such as <c>ConnectionGraphType&lt;Tag("Targets"), InspectionTargetType&gt;</c>. GraphQL.NET creates
/// one instance per CLR graph type and schema; two fields whose connection gets the same name (as
/// HotChocolate names them from the field) therefore share one type instead of clashing, and each
/// schema still gets its own instances.
/// </summary>
internal static class TypeNameTag
{
    private static readonly ModuleBuilder Module = AssemblyBuilder
        .DefineDynamicAssembly(new AssemblyName("DualRandomGraph.GraphQL.Data.TypeNameTags"), AssemblyBuilderAccess.Run)
        .DefineDynamicModule("TypeNameTags");

    private static readonly ConcurrentDictionary<string, Type> Tags = new();
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly Lock DefineLock = new();

    public static Type For(string name) => Tags.TryGetValue(name, out var tag) ? tag : Define(name);

    public static string NameOf(Type tag)
        => Names.TryGetValue(tag, out var name) ? name : throw new ArgumentException($"{tag} is not a type name tag.", nameof(tag));

    // Defining and recording happen under one lock: a type name can be defined in the module only once,
    // and GetOrAdd may run its factory on two threads at the same time.
    private static Type Define(string name)
    {
        lock (DefineLock)
        {
            if (Tags.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var tag = Module.DefineType("Tag_" + name, TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed).CreateType();
            Names[tag] = name;
            Tags[name] = tag;
            return tag;
        }
    }
}
