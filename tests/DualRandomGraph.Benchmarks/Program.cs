using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DualRandomGraph.Benchmarks -- --filter '*'
// (or a class name: --filter '*Draw*'). Figures go to the console and BenchmarkDotNet.Artifacts/.
// The benchmark executables are built while other builds share the machine: give them longer than the default 2 minutes.
BenchmarkSwitcher.FromAssembly(typeof(DualRandomGraph.Benchmarks.DrawBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
