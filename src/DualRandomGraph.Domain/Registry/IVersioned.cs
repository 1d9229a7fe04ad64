namespace DualRandomGraph.Domain.Registry;

/// <summary>A registry record updated under optimistic concurrency: every change bumps <see cref="Version"/>.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
