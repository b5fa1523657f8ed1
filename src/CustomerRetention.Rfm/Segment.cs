namespace CustomerRetention.Rfm;

/// <summary>
/// A named customer segment with a short description and the recommended action (who to reward,
/// who to win back). Immutable; equal when the names are equal (ordinal).
/// </summary>
public sealed class Segment : IEquatable<Segment>
{
    /// <summary>Creates a segment.</summary>
    /// <param name="name">The name, e.g. <c>Can't Lose Them</c>. Range: not empty.</param>
    /// <param name="description">Who the customers are.</param>
    /// <param name="action">What to do about them.</param>
    public Segment(string name, string description, string action)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Description = Guard.NotNull(description);
        Action = Guard.NotNull(action);
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Who the customers are.</summary>
    public string Description { get; }

    /// <summary>The recommended action.</summary>
    public string Action { get; }

    /// <inheritdoc />
    public bool Equals(Segment? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Segment);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>An inclusive range of scores, e.g. 3..4. Immutable; the default value (0..0) matches nothing.</summary>
public readonly struct ScoreRange : IEquatable<ScoreRange>
{
    /// <summary>Creates the range <paramref name="min"/>..<paramref name="max"/>.</summary>
    /// <param name="min">The lowest score. Range: 1 ≤ min ≤ 10.</param>
    /// <param name="max">The highest score. Range: min ≤ max ≤ 10.</param>
    public ScoreRange(int min, int max)
    {
        Min = Guard.InRange(min, 1, RfmBinning.MaxBins);
        Max = Guard.InRange(max, min, RfmBinning.MaxBins);
    }

    /// <summary>The lowest score in the range.</summary>
    public int Min { get; }

    /// <summary>The highest score in the range.</summary>
    public int Max { get; }

    /// <summary>The range of one score.</summary>
    /// <param name="score">The score. Range: 1 ≤ score ≤ 10.</param>
    /// <returns>score..score.</returns>
    public static ScoreRange Only(int score) => new(score, score);

    /// <summary>Whether <paramref name="score"/> is in the range.</summary>
    /// <param name="score">A score.</param>
    /// <returns>Min ≤ score ≤ Max.</returns>
    public bool Contains(int score) => score >= Min && score <= Max;

    /// <inheritdoc />
    public bool Equals(ScoreRange other) => Min == other.Min && Max == other.Max;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScoreRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Min * 16) + Max;

    /// <inheritdoc />
    public override string ToString() => Min == Max
        ? Min.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{Min}-{Max}");

    /// <summary>Equality.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ScoreRange left, ScoreRange right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ScoreRange left, ScoreRange right) => !left.Equals(right);
}

/// <summary>
/// One rule of a segment map: customers whose R and F (and, when given, M) scores fall in the
/// inclusive ranges belong to <see cref="Segment"/>. Immutable.
/// </summary>
public sealed class SegmentRule
{
    /// <summary>Creates a rule on R and F only (any M).</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="recency">The R scores.</param>
    /// <param name="frequency">The F scores.</param>
    public SegmentRule(Segment segment, ScoreRange recency, ScoreRange frequency)
        : this(segment, recency, frequency, null)
    {
    }

    /// <summary>Creates a rule on R, F and M.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="recency">The R scores.</param>
    /// <param name="frequency">The F scores.</param>
    /// <param name="monetary">The M scores, or null for any.</param>
    public SegmentRule(Segment segment, ScoreRange recency, ScoreRange frequency, ScoreRange? monetary)
    {
        Segment = Guard.NotNull(segment);
        Recency = Valid(recency, nameof(recency));
        Frequency = Valid(frequency, nameof(frequency));
        Monetary = monetary is { } m ? Valid(m, nameof(monetary)) : null;
    }

    /// <summary>The segment.</summary>
    public Segment Segment { get; }

    /// <summary>The R scores.</summary>
    public ScoreRange Recency { get; }

    /// <summary>The F scores.</summary>
    public ScoreRange Frequency { get; }

    /// <summary>The M scores, or null for any.</summary>
    public ScoreRange? Monetary { get; }

    /// <summary>Whether the rule matches <paramref name="score"/>.</summary>
    /// <param name="score">A score.</param>
    /// <returns>Whether R, F (and M) are in the ranges.</returns>
    public bool Matches(RfmScore score) =>
        Recency.Contains(score.R) && Frequency.Contains(score.F) && (Monetary is not { } m || m.Contains(score.M));

    /// <inheritdoc />
    public override string ToString() => Monetary is { } m
        ? $"R {Recency} F {Frequency} M {m}: {Segment.Name}"
        : $"R {Recency} F {Frequency}: {Segment.Name}";

    private static ScoreRange Valid(ScoreRange range, string paramName) =>
        range.Min == 0 ? throw new ArgumentOutOfRangeException(paramName, range, "The range is not set (default value).") : range;
}
