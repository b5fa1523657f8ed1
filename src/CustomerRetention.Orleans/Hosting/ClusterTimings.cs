using Orleans.Configuration;

namespace CustomerRetention.Orleans.Hosting;

/// <summary>Membership settings for a small cluster that should notice a dead silo in seconds.</summary>
public static class ClusterTimings
{
    /// <summary>
    /// Probes every second, declares a silo dead after 2 missed probes and 2 votes (so a 3-silo cluster
    /// that loses one still has the votes), and refreshes the membership table every 2 s: a killed silo is
    /// out of the cluster, and its grains reactivate elsewhere, within about 5 s. Orleans' defaults (10 s
    /// probes, 3 misses) suit larger clusters on busier networks.
    /// </summary>
    /// <param name="options">The membership options to change.</param>
    public static void FastFailureDetection(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }
}
