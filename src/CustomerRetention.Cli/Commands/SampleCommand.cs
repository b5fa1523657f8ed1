namespace CustomerRetention.Cli.Commands;

/// <summary><c>retention sample cdnow [--out FILE]</c>: writes an embedded sample as a transactions CSV (docs/cli.md).</summary>
internal sealed class SampleCommand : ICliCommand
{
    public string Name => "sample";

    public string Summary => "Write an embedded sample data set (cdnow) as a transactions CSV.";

    public string Usage => "retention sample cdnow [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } = [OutputOptions.Out];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count != 1)
        {
            throw new CliException($"sample needs exactly one sample name ({string.Join(", ", EmbeddedSamples.Names)})");
        }

        using Stream sample = EmbeddedSamples.Open(args.Positionals[0]);
        using var reader = new StreamReader(sample);
        using TextWriter output = OutputOptions.Open(args, context);
        var buffer = new char[1 << 14];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return ExitCodes.Success;
    }
}
