namespace CustomerRetention.Csv;

/// <summary>
/// A column a <see cref="CsvRecordReader"/> looks for in the header: a name and its synonyms
/// (matched case-insensitively, ordinal), required or optional.
/// </summary>
/// <example>
/// <code>
/// CsvColumn[] columns =
/// [
///     CsvColumn.Required("frequency", "x"),
///     CsvColumn.Required("recency", "t_x"),
///     CsvColumn.Required("T"),
///     CsvColumn.Optional("weight", "weights"),
/// ];
/// </code>
/// </example>
public sealed class CsvColumn
{
    private readonly string[] _names;

    private CsvColumn(string name, string[] synonyms, bool isRequired)
    {
        Guard.NotNullOrWhiteSpace(name);
        Guard.NotNull(synonyms);
        _names = new string[synonyms.Length + 1];
        _names[0] = name;
        for (int i = 0; i < synonyms.Length; i++)
        {
            _names[i + 1] = Guard.NotNull(synonyms[i], nameof(synonyms));
        }

        IsRequired = isRequired;
    }

    /// <summary>The column's name, used in messages.</summary>
    public string Name => _names[0];

    /// <summary>The name and its synonyms, in order of preference.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Whether a header without this column is an error.</summary>
    public bool IsRequired { get; }

    /// <summary>A column the header must have (under <paramref name="name"/> or a synonym).</summary>
    /// <param name="name">The column's name, e.g. <c>customer_id</c>.</param>
    /// <param name="synonyms">Other accepted names, e.g. <c>x</c> for <c>frequency</c>.</param>
    /// <returns>The column.</returns>
    public static CsvColumn Required(string name, params string[] synonyms) => new(name, synonyms, true);

    /// <summary>A column the header may have; check <see cref="CsvRecordReader.HasColumn"/>.</summary>
    /// <param name="name">The column's name, e.g. <c>weight</c>.</param>
    /// <param name="synonyms">Other accepted names, e.g. <c>weights</c>.</param>
    /// <returns>The column.</returns>
    public static CsvColumn Optional(string name, params string[] synonyms) => new(name, synonyms, false);

    /// <summary>The name, with its synonyms in parentheses.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _names.Length == 1 ? Name : $"{Name} ({string.Join(", ", _names, 1, _names.Length - 1)})";
}
