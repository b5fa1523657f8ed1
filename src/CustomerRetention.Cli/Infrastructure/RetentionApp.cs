using System.Globalization;
using System.Reflection;
using System.Text;
using CustomerRetention.Csv;

namespace CustomerRetention.Cli;

/// <summary>
/// The tool's entry point, independent of the process console so that tests call it directly.
/// Every failure ends as one line on standard error: exit 2 for bad input or usage, 1 for anything
/// else; never a stack trace.
/// </summary>
internal static class RetentionApp
{
    public static int Run(string[] args, CliConsole console)
    {
        // Parsing and printing are invariant whatever the machine's culture (docs/cli.md).
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Dispatch(args, console);
        }
        catch (CliException e)
        {
            return Fail(console, e.Message, ExitCodes.BadInput);
        }
        catch (CsvFormatException e)
        {
            return Fail(console, e.Message, ExitCodes.BadInput);
        }
        catch (ArgumentException e)
        {
            return Fail(console, e.Message, ExitCodes.BadInput);
        }
        catch (IOException e)
        {
            return Fail(console, e.Message, ExitCodes.BadInput);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(console, e.Message, ExitCodes.BadInput);
        }
#pragma warning disable CA1031 // The tool's last line of defence: one line, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(console, $"internal error: {e.GetType().Name}: {e.Message}", ExitCodes.Failure);
        }
        finally
        {
            console.Output.Flush();
            console.Error.Flush();
        }
    }

    private static int Dispatch(string[] args, CliConsole console)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            string? topic = args.Length > 1 && args[0] == "help" ? args[1] : null;
            if (topic is not null)
            {
                ICliCommand command = CommandCatalog.Find(topic) ?? throw UnknownCommand(topic);
                console.Output.Write(HelpText.ForCommand(command));
            }
            else
            {
                console.Output.Write(HelpText.Overview());
            }

            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        if (args[0] is "--version")
        {
            console.Output.WriteLine(Version);
            return ExitCodes.Success;
        }

        ICliCommand cmd = CommandCatalog.Find(args[0]) ?? throw UnknownCommand(args[0]);
        var options = cmd.Options.Concat(CommandCatalog.CommonOptions).ToList();
        CommandArguments parsed = CommandArguments.Parse(args.Skip(1).ToList(), options);
        if (parsed.Has("--help"))
        {
            console.Output.Write(HelpText.ForCommand(cmd));
            return ExitCodes.Success;
        }

        return cmd.Execute(parsed, new CliContext(console, parsed.Has("--quiet")));
    }

    private static CliException UnknownCommand(string name) =>
        new($"unknown command '{name}' (commands: {string.Join(", ", CommandCatalog.Commands.Select(c => c.Name))})");

    private static int Fail(CliConsole console, string message, int exitCode)
    {
        // One line: newlines inside a message would break scripts that read the first line.
        string oneLine = message.Replace("\r", " ").Replace("\n", " ");
        console.Error.WriteLine("retention: " + oneLine);
        return exitCode;
    }

    private static string Version =>
        typeof(RetentionApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

/// <summary>Help texts built from the commands' own descriptions.</summary>
internal static class HelpText
{
    public static string Overview()
    {
        var text = new StringBuilder();
        text.AppendLine("retention: customer-retention analytics from a transactions CSV");
        text.AppendLine();
        text.AppendLine("Usage: retention COMMAND [options]   (retention COMMAND --help for its options)");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (ICliCommand command in CommandCatalog.Commands)
        {
            text.Append("  ").Append(command.Name.PadRight(10)).Append(' ').AppendLine(command.Summary);
        }

        text.AppendLine();
        text.AppendLine("Exit codes: 0 success, 2 bad input or usage, 1 anything else.");
        return text.ToString();
    }

    public static string ForCommand(ICliCommand command)
    {
        var text = new StringBuilder();
        text.AppendLine(command.Summary);
        text.AppendLine();
        text.AppendLine("Usage:");
        foreach (string line in command.Usage.Split('\n'))
        {
            text.Append("  ").AppendLine(line.TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("Options:");
        foreach (OptionSpec option in command.Options.Concat(CommandCatalog.CommonOptions))
        {
            string left = option.IsFlag ? option.Name : $"{option.Name} {option.ValueName}";
            text.Append("  ").Append(left.PadRight(30)).Append(' ').AppendLine(option.Description);
        }

        return text.ToString();
    }
}
