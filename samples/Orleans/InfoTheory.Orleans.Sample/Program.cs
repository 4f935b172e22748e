using System.Diagnostics;
using System.Globalization;
using System.Net;
using InfoTheory.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Entropy, MI with its G-test, PSI and Gaussian MI of a seeded dataset, computed by partition grains spread over
// localhost silos and merged by a reducer grain, then checked bit for bit against the same computation in this
// process alone. Exit code: 0 equal, 1 different, 2 bad arguments.
SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: InfoTheory.Orleans.Sample [--pairs N] [--partitions P] [--silos S] [--seed K] [--time]");
    return 2;
}

var spec = new DatasetSpec(options.Seed, options.Pairs, options.Partitions);
spec.Validate();

// Silo i listens on 22111 + i and serves clients on 32111 + i; silo 0 is the primary the others join.
const int SiloPortBase = 22111;
const int GatewayPortBase = 32111;
var silos = new List<IHost>();
for (int i = 0; i < options.Silos; i++)
{
    HostApplicationBuilder siloBuilder = Host.CreateApplicationBuilder();
    siloBuilder.Logging.SetMinimumLevel(LogLevel.Error);
    int silo = i;
    siloBuilder.UseOrleans(o => o.UseLocalhostClustering(
        siloPort: SiloPortBase + silo,
        gatewayPort: GatewayPortBase + silo,
        primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, SiloPortBase)));
    IHost host = siloBuilder.Build();
    await host.StartAsync();
    silos.Add(host);
}

HostApplicationBuilder clientBuilder = Host.CreateApplicationBuilder();
clientBuilder.Logging.SetMinimumLevel(LogLevel.Error);
clientBuilder.UseOrleansClient(c => c.UseLocalhostClustering(Enumerable.Range(GatewayPortBase, options.Silos).ToArray()));
using IHost client = clientBuilder.Build();
await client.StartAsync();
IClusterClient cluster = client.Services.GetRequiredService<IClusterClient>();

try
{
    if (options.Time)
    {
        // One small job first so the timed run measures the work, not JIT and first activations.
        await cluster.GetGrain<IReducerGrain>(1).Run(new DatasetSpec(options.Seed + 1, 10_000, options.Partitions));
    }

    var watch = Stopwatch.StartNew();
    AnalysisResult distributed = await cluster.GetGrain<IReducerGrain>(0).Run(spec);
    TimeSpan distributedTime = watch.Elapsed;

    watch.Restart();
    AnalysisResult single = AnalysisResult.SingleProcess(spec.Seed, spec.Rows);
    TimeSpan singleTime = watch.Elapsed;

    CultureInfo inv = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(inv, $"rows {distributed.Rows} in {spec.Partitions} partitions over {options.Silos} silos (seed {spec.Seed})"));
    Print("label entropy (nats)", distributed.LabelEntropy, single.LabelEntropy);
    Print("MI(x; y) (nats)", distributed.MutualInformation, single.MutualInformation);
    Print(string.Create(inv, $"G-test G (df {distributed.DegreesOfFreedom})"), distributed.GStatistic, single.GStatistic);
    Print("G-test p-value", distributed.PValue, single.PValue);
    Print("PSI vs reference (nats)", distributed.PopulationStabilityIndex, single.PopulationStabilityIndex);
    Print("Gaussian MI(u; v) (nats)", distributed.GaussianMutualInformation, single.GaussianMutualInformation);
    if (options.Time)
    {
        Console.WriteLine(string.Create(inv,
            $"time: distributed {distributedTime.TotalSeconds:F3} s, single-process {singleTime.TotalSeconds:F3} s, ratio {distributedTime / singleTime:F2}"));
    }

    bool equal = distributed.BitwiseEquals(single) && distributed.DegreesOfFreedom == single.DegreesOfFreedom;
    Console.WriteLine($"distributed == single-process: {equal}");
    return equal ? 0 : 1;
}
finally
{
    await client.StopAsync();
    for (int i = silos.Count - 1; i >= 0; i--)
    {
        await silos[i].StopAsync();
        silos[i].Dispose();
    }
}

static void Print(string name, double distributed, double single) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} distributed {distributed,-24:R} single-process {single,-24:R} {(BitConverter.DoubleToInt64Bits(distributed) == BitConverter.DoubleToInt64Bits(single) ? "same bits" : "DIFFERENT")}"));

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions(long Pairs, int Partitions, int Silos, long Seed, bool Time)
{
    /// <summary>Reads <c>--pairs N --partitions P --silos S --seed K --time</c>; anything else is an error.</summary>
    public static SampleOptions Parse(string[] args)
    {
        long pairs = 1_000_000;
        int partitions = 24;
        int silos = 3;
        long seed = 2026;
        bool time = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pairs": pairs = Number(args, ref i, 1, long.MaxValue); break;
                case "--partitions": partitions = (int)Number(args, ref i, 1, 100_000); break;
                case "--silos": silos = (int)Number(args, ref i, 1, 16); break;
                case "--seed": seed = Number(args, ref i, long.MinValue, long.MaxValue); break;
                case "--time": time = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.", nameof(args));
            }
        }

        if (partitions > pairs)
        {
            throw new ArgumentException($"--partitions ({partitions}) must not exceed --pairs ({pairs}).", nameof(args));
        }

        return new SampleOptions(pairs, partitions, silos, seed, time);
    }

    private static long Number(string[] args, ref int i, long min, long max)
    {
        string name = args[i];
        if (++i >= args.Length || !long.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} needs an integer in [{min}, {max}], but got '{(i < args.Length ? args[i] : "nothing")}'.", nameof(args));
        }

        return value;
    }
}
