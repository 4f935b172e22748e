using BenchmarkDotNet.Running;

// Runs the whole suite, or the classes chosen with BenchmarkDotNet's own switches
// (for example: --filter *Entropy* --job short).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
