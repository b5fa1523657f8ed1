namespace CustomerRetention.Cli;

/// <summary>
/// One command of the <c>retention</c> tool. Implementations are found by reflection
/// (<see cref="CommandCatalog"/>), so adding a command is adding one class in <c>Commands/</c>.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The word that selects the command, e.g. <c>summary</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line(s) shown by <c>retention NAME --help</c>.</summary>
    string Usage { get; }

    /// <summary>The options the command accepts (the common ones are added by the catalog).</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command; returns the exit code.</summary>
    int Execute(CommandArguments args, CliContext context);
}
