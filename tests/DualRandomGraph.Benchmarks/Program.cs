using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DualRandomGraph.Benchmarks -- --filter '*'
// (or a class name: --filter '*Draw*'). Figures go to the console and BenchmarkDotNet.Artifacts/.
BenchmarkSwitcher.FromAssembly(typeof(DualRandomGraph.Benchmarks.DrawBenchmarks).Assembly).Run(args);
