using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace InfoTheory.Orleans.Tests;

/// <summary>A three-silo Orleans cluster in this process, on loopback, shared by the tests of one class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster; deployed by <see cref="InitializeAsync"/>.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Builds and deploys a cluster of <paramref name="silos"/> silos.</summary>
    public static async Task<TestCluster> Deploy(int silos, bool slowPartitions = false)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<RandomPlacementConfigurator>();
        if (slowPartitions)
        {
            builder.AddSiloBuilderConfigurator<SlowPartitionsConfigurator>();
        }

        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <inheritdoc/>
    public async Task InitializeAsync() => Cluster = await Deploy(3);

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Places activations on a random silo, as Orleans did by default before 9.2. Its default now places by the silos'
    /// CPU and memory load, which on a busy test machine can put every partition on one or two silos; the silo-failure
    /// test needs partitions spread over all three.
    /// </summary>
    public sealed class RandomPlacementConfigurator : ISiloConfigurator
    {
        /// <inheritdoc/>
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
    }

    /// <summary>Delays every partition reply by 100 ms, as a slow network would, so a test can stop a silo while the
    /// reducer is still collecting.</summary>
    public sealed class SlowPartitionsConfigurator : ISiloConfigurator
    {
        /// <inheritdoc/>
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddIncomingGrainCallFilter(async context =>
            {
                if (context.InterfaceMethod.Name == "Accumulate")
                {
                    await Task.Delay(100);
                }

                await context.Invoke();
            });
    }
}
