using System.Globalization;
using CustomerRetention.Csv;
using CustomerRetention.Satisfaction;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// Opening a survey CSV (a file, or <c>-</c> for standard input) through Core's
/// <see cref="CsvRecordReader"/>, and parsing the <c>--scale MIN-MAX</c> option, for the
/// <c>nps</c> and <c>csi</c> commands.
/// </summary>
internal static class SurveyInput
{
    /// <summary>Opens <paramref name="path"/> (<c>-</c> = standard input) for <paramref name="columns"/>.</summary>
    public static CsvRecordReader Open(string path, CliContext context, IEnumerable<CsvColumn> columns)
    {
        if (path == "-")
        {
            return CsvRecordReader.Open(context.Console.OpenInput(), "-", columns);
        }

        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot read the file ({e.Message})", e);
        }

        return CsvRecordReader.Open(stream, path, columns);
    }

    /// <summary>The <c>--scale MIN-MAX</c> option (e.g. <c>1-5</c>, <c>0-10</c>), or <paramref name="defaultScale"/>.</summary>
    public static RatingScale Scale(CommandArguments args, RatingScale defaultScale)
    {
        string? text = args.Get("--scale");
        if (text is null)
        {
            return defaultScale;
        }

        int dash = text.IndexOf('-', 1);
        if (dash > 0
            && int.TryParse(text.Substring(0, dash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(text.Substring(dash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int max)
            && max > min
            && (long)max - min <= 1000)
        {
            return new RatingScale(min, max);
        }

        throw new CliException($"option '--scale': '{text}' is not a scale MIN-MAX with MIN < MAX (e.g. 1-5, 0-10)");
    }

    /// <summary>The <c>--level</c> option: a confidence level strictly between 0 and 1 (default 0.95).</summary>
    public static double Level(CommandArguments args)
    {
        double level = args.GetDouble("--level", 0.95);
        return level > 0 && level < 1 ? level : throw new CliException($"option '--level': {level.ToString(CultureInfo.InvariantCulture)} is not strictly between 0 and 1 (e.g. 0.95)");
    }
}
