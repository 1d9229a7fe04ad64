using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DualRandomGraph.Benchmarks -- --filter '*'
// (or a class name: --filter '*Draw*'). Figures go to the console and BenchmarkDotNet.Artifacts/.
// The build of each benchmark's host gets 10 minutes instead of BenchmarkDotNet's 2: on a busy 2-core machine the
// default ran out before the build did.
BenchmarkSwitcher.FromAssembly(typeof(DualRandomGraph.Benchmarks.DrawBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
