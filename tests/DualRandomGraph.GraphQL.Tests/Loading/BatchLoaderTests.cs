using DualRandomGraph.GraphQL.Loading;

namespace DualRandomGraph.GraphQL.Tests.Loading;

public sealed class BatchLoaderTests
{
    private readonly List<int[]> _calls = [];

    [Fact]
    public async Task Keys_asked_for_before_the_first_await_are_loaded_in_one_call()
    {
        var loader = new BatchLoader<int, string>(LoadAsync);

        var a = loader.Load(1);
        var b = loader.Load(2);
        var c = loader.Load(1);

        Assert.Equal("one", await a.GetResultAsync());
        Assert.Equal("two", await b.GetResultAsync());
        Assert.Equal("one", await c.GetResultAsync());
        Assert.Equal([[1, 2]], _calls);
    }

    [Fact]
    public async Task Keys_asked_for_after_a_dispatch_start_the_next_batch()
    {
        var loader = new BatchLoader<int, string>(LoadAsync);
        var first = loader.Load(1);
        await first.GetResultAsync();

        var second = loader.Load(2);
        var third = loader.Load(3);

        Assert.Equal("two", await second.GetResultAsync());
        Assert.Equal("three", await third.GetResultAsync());
        Assert.Equal([[1], [2, 3]], _calls);
    }

    [Fact]
    public async Task A_key_the_load_does_not_return_resolves_to_null()
    {
        var loader = new BatchLoader<int, string>(LoadAsync);

        Assert.Null(await loader.Load(99).GetResultAsync());
    }

    [Fact]
    public void Loaders_are_shared_by_name_within_a_request()
    {
        var loaders = new BatchLoaders();

        var first = loaders.GetOrAdd<int, string>("targets", LoadAsync);
        var again = loaders.GetOrAdd<int, string>("targets", LoadAsync);
        var other = loaders.GetOrAdd<int, string>("inspectors", LoadAsync);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    private Task<IReadOnlyDictionary<int, string>> LoadAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        _calls.Add([.. keys.Order()]);
        var names = new Dictionary<int, string> { [1] = "one", [2] = "two", [3] = "three" };
        return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(names.ContainsKey).ToDictionary(k => k, k => names[k]));
    }
}
