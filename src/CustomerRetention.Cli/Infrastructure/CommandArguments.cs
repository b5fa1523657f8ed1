using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli;

/// <summary>An option a command accepts: <c>--name VALUE</c>, or a flag when <see cref="ValueName"/> is null.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Description)
{
    public bool IsFlag => ValueName is null;

    public static OptionSpec Flag(string name, string description) => new(name, null, description);

    public static OptionSpec Value(string name, string valueName, string description) => new(name, valueName, description);
}

/// <summary>
/// A command's arguments, parsed against its <see cref="OptionSpec"/>s: <c>--name value</c> or
/// <c>--name=value</c> options, flags, and positional words. Every problem is a
/// <see cref="CliException"/> naming the option, so the user sees one line and exit code 2.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private CommandArguments()
    {
    }

    /// <summary>The words that are not options, in order (e.g. the MODEL of <c>fit MODEL</c>).</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> options)
    {
        var specs = options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var parsed = new CommandArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                // A lone "-" is a value (standard input), not an option.
                parsed._positionals.Add(arg);
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            int eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg.Substring(0, eq);
                inlineValue = arg.Substring(eq + 1);
            }

            if (!specs.TryGetValue(name, out OptionSpec? spec))
            {
                throw new CliException($"unknown option '{name}' (see --help)");
            }

            if (spec.IsFlag)
            {
                if (inlineValue is not null)
                {
                    throw new CliException($"option '{name}' takes no value");
                }

                parsed._flags.Add(name);
                continue;
            }

            string? value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new CliException($"option '{name}' needs a value ({spec.ValueName})");
                }

                value = args[++i];
            }

            if (parsed._values.ContainsKey(name))
            {
                throw new CliException($"option '{name}' is given more than once");
            }

            parsed._values[name] = value;
        }

        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag) || _values.ContainsKey(flag);

    public string? Get(string name) => _values.TryGetValue(name, out string? v) ? v : null;

    public string Required(string name) =>
        Get(name) ?? throw new CliException($"missing required option '{name}'");

    public LocalDate? GetDate(string name)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new CliException($"option '{name}': '{text}' is not a date (expected yyyy-MM-dd)");
    }

    public LocalDate RequiredDate(string name) =>
        GetDate(name) ?? throw new CliException($"missing required option '{name}'");

    public int GetInt(string name, int defaultValue)
    {
        string? text = Get(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new CliException($"option '{name}': '{text}' is not a whole number");
    }

    public double GetDouble(string name, double defaultValue)
    {
        string? text = Get(name);
        if (text is null)
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new CliException($"option '{name}': '{text}' is not a finite number");
    }

    /// <summary>The value of an option restricted to a few words, or <paramref name="defaultValue"/>.</summary>
    public string GetChoice(string name, string defaultValue, params string[] choices)
    {
        string value = Get(name) ?? defaultValue;
        return Array.IndexOf(choices, value) >= 0
            ? value
            : throw new CliException($"option '{name}': '{value}' is not one of {string.Join(", ", choices)}");
    }
}
