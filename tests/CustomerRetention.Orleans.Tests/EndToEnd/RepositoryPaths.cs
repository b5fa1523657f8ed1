namespace CustomerRetention.Orleans.Tests.EndToEnd;

/// <summary>Where the repository and the built sample silo host are, seen from the test assembly.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test assembly holding <c>.ci/start-redis</c>.</summary>
    public static string Root
    {
        get
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, ".ci", "start-redis")))
                {
                    return d.FullName;
                }
            }

            throw new InvalidOperationException($"No .ci/start-redis above {AppContext.BaseDirectory}: the end-to-end test runs from a repository checkout.");
        }
    }

    /// <summary>The sample silo host's assembly, built in the test's configuration (Debug or Release).</summary>
    public static string SiloAssembly
    {
        get
        {
            // The test assembly is in tests/<project>/bin/<Configuration>/<tfm>/.
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = tfm.Parent!.Name;
            string path = Path.Combine(Root, "samples", "CustomerRetention.Orleans.Silo", "bin", configuration, tfm.Name, "CustomerRetention.Orleans.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The sample silo host is not built (the test project builds it through a project reference).", path);
        }
    }
}
