using System.Reflection;

namespace CustomerRetention.Cli;

/// <summary>All commands of the tool, found by reflection over this assembly.</summary>
internal static class CommandCatalog
{
    /// <summary>Options every command accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> CommonOptions =
    [
        OptionSpec.Flag("--quiet", "No progress or notes on standard error."),
        OptionSpec.Flag("--help", "Show this help."),
    ];

    private static readonly Lazy<IReadOnlyList<ICliCommand>> LazyCommands = new(Discover);

    public static IReadOnlyList<ICliCommand> Commands => LazyCommands.Value;

    public static ICliCommand? Find(string name) =>
        Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static IReadOnlyList<ICliCommand> Discover() =>
        typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
}
