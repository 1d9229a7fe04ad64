using System.Text.Json;

namespace DualRandomGraph.Api.Tests.Infrastructure;

internal static class SnapshotExtensions
{
    /// <summary>Any object as the JSON tree Snapshooter serialises best.</summary>
    public static Newtonsoft.Json.Linq.JToken ToSnapshot(this object value)
        => Newtonsoft.Json.Linq.JToken.Parse(JsonSerializer.Serialize(value));
}
