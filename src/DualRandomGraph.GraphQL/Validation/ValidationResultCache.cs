using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// Remembers what validating a cached document with given variables produced, so that the same request again is
/// not validated again. For a cached document GraphQL.NET still walks the whole document three or four times per
/// request (the rules that run for cached documents, finding the variables' uses, coercing them, parsing every
/// field's arguments): a fifth of a projected page's cost. The answer depends only on the schema, the document, the
/// operation, the rules and the variables, as long as no rule looks at the user or the request's services; so only
/// requests whose every rule is listed in <see cref="ValidationCacheOptions.CacheableRules"/> are remembered, and
/// only valid answers.
/// <para>
/// Each request gets its own copy of the argument and directive tables, because GraphQL.NET adds entries to them
/// when it merges fields of the same name during execution. The argument values themselves are shared and stay the
/// same objects from one request to the next, which lets later stages (the data middleware) remember their own work
/// for them.
/// </para>
/// </summary>
public sealed class ValidationResultCache(IOptions<ValidationCacheOptions> options) : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();
    private readonly ValidationCacheOptions _options = options.Value;

    // Entries live as long as their document: when the document cache drops a document, its results go with it.
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<Key, IValidationResult>> _results = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (KeyFor(options) is not { } key)
        {
            return _inner.ValidateAsync(options);
        }

        var variants = _results.GetOrCreateValue(options.Document);
        return variants.TryGetValue(key, out var known)
            ? Task.FromResult<IValidationResult>(Copy(known))
            : RememberAsync(_inner.ValidateAsync(options), variants, key);
    }

    private async Task<IValidationResult> RememberAsync(Task<IValidationResult> validation, ConcurrentDictionary<Key, IValidationResult> variants, Key key)
    {
        var result = await validation.ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result;
        }

        // Variables that change with every request (cursors) would fill the table; starting over bounds it.
        if (variants.Count >= _options.VariantsPerDocument)
        {
            variants.Clear();
        }

        variants[key] = result;
        return Copy(result);
    }

    private Key? KeyFor(in ValidationOptions options)
    {
        if (_options.VariantsPerDocument <= 0 || options.Rules is not { } rules)
        {
            return null;
        }

        var ruleList = rules as IValidationRule[] ?? [.. rules];
        foreach (var rule in ruleList)
        {
            if (!_options.CacheableRules.Contains(rule.GetType()))
            {
                return null;
            }
        }

        var variables = VariablesText(options.Variables, _options.MaxVariableValues);
        return variables is null ? null : new Key(options.Schema, options.Operation, new RuleSet(ruleList), variables);
    }

    private static ValidationResult Copy(IValidationResult known) => new()
    {
        Variables = known.Variables,
        ArgumentValues = known.ArgumentValues is { } arguments ? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(arguments) : null,
        DirectiveValues = known.DirectiveValues is { } directives ? new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>(directives) : null,
    };

    /// <summary>
    /// The variables as text that tells every value and its type apart, or null when they are too many or of a type
    /// this does not know (then the request is validated as usual).
    /// </summary>
    internal static string? VariablesText(Inputs? variables, int maxValues)
    {
        if (variables is null || variables.Count == 0)
        {
            return string.Empty;
        }

        // Values are counted as RequestLimitsOptions counts them: each variable and everything inside it.
        var text = new StringBuilder();
        var budget = maxValues;
        return AppendFields(text, variables, ref budget) ? text.ToString() : null;
    }

    private static bool AppendFields(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> fields, ref int budget)
    {
        foreach (var (name, value) in fields)
        {
            text.Append(name.Length).Append(':').Append(name);
            if (!Append(text, value, ref budget))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Append(StringBuilder text, object? value, ref int budget)
    {
        if (--budget < 0)
        {
            return false;
        }

        switch (value)
        {
            case null:
                text.Append('n');
                return true;
            case string s:
                text.Append('s').Append(s.Length).Append(':').Append(s);
                return true;
            case bool b:
                text.Append(b ? 'T' : 'F');
                return true;
            case int or long or BigInteger or double or decimal:
                var tag = value switch { int => 'i', long => 'l', BigInteger => 'b', double => 'd', _ => 'm' };
                text.Append(tag).Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)).Append(';');
                return true;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                text.Append('{');
                if (!AppendFields(text, fields, ref budget))
                {
                    return false;
                }

                text.Append('}');
                return true;
            case IEnumerable<object?> items:
                text.Append('[');
                foreach (var item in items)
                {
                    if (!Append(text, item, ref budget))
                    {
                        return false;
                    }
                }

                text.Append(']');
                return true;
            default:
                return false;
        }
    }

    private readonly record struct Key(object Schema, GraphQLOperationDefinition Operation, RuleSet Rules, string Variables);

    /// <summary>The rules of a request, equal to another set of the same rule instances in the same order.</summary>
    private readonly struct RuleSet(IValidationRule[] rules) : IEquatable<RuleSet>
    {
        private readonly IValidationRule[] _rules = rules;

        public bool Equals(RuleSet other)
        {
            if (_rules.Length != other._rules.Length)
            {
                return false;
            }

            for (var i = 0; i < _rules.Length; i++)
            {
                if (!ReferenceEquals(_rules[i], other._rules[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is RuleSet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var rule in _rules)
            {
                hash.Add(RuntimeHelpers.GetHashCode(rule));
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>Bounds of <see cref="ValidationResultCache"/>, bound from <c>GraphQL:ValidationCache</c>.</summary>
public sealed class ValidationCacheOptions
{
    public const string SectionName = "GraphQL:ValidationCache";

    /// <summary>Different variables remembered per cached document; 0 turns the cache off.</summary>
    public int VariantsPerDocument { get; set; } = 32;

    /// <summary>Requests whose variables hold more values than this are validated every time.</summary>
    public int MaxVariableValues { get; set; } = 64;

    /// <summary>
    /// Rule types whose verdict depends only on the schema, document, operation and variables. A request with any
    /// other rule is validated every time. Each registration adds the rules it knows to be pure.
    /// </summary>
    public ISet<Type> CacheableRules { get; } = new HashSet<Type>();
}
