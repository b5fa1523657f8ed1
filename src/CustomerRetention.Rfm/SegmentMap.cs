namespace CustomerRetention.Rfm;

/// <summary>
/// Maps RFM scores to named segments: rules of inclusive score ranges on R, F (and optionally M),
/// the first matching rule wins, and a fallback segment takes what no rule matches. Validated when
/// built: every range lies inside 1..k, and either every (R, F, M) cell is covered or a fallback is
/// named. Lookups go through a precomputed k³ table, so classifying is one array read.
/// Immutable and thread-safe.
/// </summary>
public sealed class SegmentMap
{
    private readonly SegmentRule[] _rules;
    private readonly Segment[] _segments;
    private readonly byte[] _cells;

    /// <summary>Creates a map whose rules must cover every cell.</summary>
    /// <param name="bins">The number of scores k the map is for. Range: 2 ≤ k ≤ 10.</param>
    /// <param name="rules">The rules, first match wins. Range: at least one; every range within 1..k.</param>
    public SegmentMap(int bins, IReadOnlyList<SegmentRule> rules)
        : this(bins, rules, null)
    {
    }

    /// <summary>Creates a map with a fallback segment for the cells no rule covers.</summary>
    /// <param name="bins">The number of scores k the map is for. Range: 2 ≤ k ≤ 10.</param>
    /// <param name="rules">The rules, first match wins. Range: at least one; every range within 1..k.</param>
    /// <param name="fallback">The segment of uncovered cells, or null when the rules must cover every cell.</param>
    public SegmentMap(int bins, IReadOnlyList<SegmentRule> rules, Segment? fallback)
    {
        Guard.NotNull(rules);
        Bins = Guard.InRange(bins, RfmBinning.MinBins, RfmBinning.MaxBins);
        if (rules.Count == 0)
        {
            throw new ArgumentException("A segment map needs at least one rule.", nameof(rules));
        }

        _rules = new SegmentRule[rules.Count];
        var segments = new List<Segment>();
        for (int i = 0; i < rules.Count; i++)
        {
            SegmentRule rule = rules[i] ?? throw new ArgumentException(FormattableString.Invariant($"Rule {i} is null."), nameof(rules));
            if (rule.Recency.Max > bins || rule.Frequency.Max > bins || (rule.Monetary is { } m && m.Max > bins))
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.ToString(), FormattableString.Invariant($"Rule {i} has a score range outside 1..{bins}."));
            }

            _rules[i] = rule;
            if (!segments.Contains(rule.Segment))
            {
                segments.Add(rule.Segment);
            }
        }

        if (fallback is not null && !segments.Contains(fallback))
        {
            segments.Add(fallback);
        }

        _segments = segments.ToArray();
        Fallback = fallback;
        _cells = new byte[bins * bins * bins];
        for (int r = 1; r <= bins; r++)
        {
            for (int f = 1; f <= bins; f++)
            {
                for (int m = 1; m <= bins; m++)
                {
                    RfmScore score = RfmScore.Unchecked(r, f, m);
                    Segment? found = null;
                    foreach (SegmentRule rule in _rules)
                    {
                        if (rule.Matches(score))
                        {
                            found = rule.Segment;
                            break;
                        }
                    }

                    found ??= fallback ?? throw new ArgumentException(
                        FormattableString.Invariant($"No rule covers R {r} F {f} M {m}: cover every cell or name a fallback segment."),
                        nameof(rules));
                    _cells[score.CellIndex(bins)] = (byte)Array.IndexOf(_segments, found);
                }
            }
        }
    }

    /// <summary>
    /// The default map for k = 5, a complete R×F grid (M plays no part): R1–2 F1–2 Hibernating;
    /// R1–2 F3–4 At Risk; R1–2 F5 Can't Lose Them; R3 F1–2 About To Sleep; R3 F3 Need Attention;
    /// R3–4 F4–5 Loyal Customers; R4 F1 Promising; R5 F1 New Customers; R4–5 F2–3 Potential
    /// Loyalists; R5 F4–5 Champions.
    /// </summary>
    public static SegmentMap Default { get; } = SegmentPresets.Default();

    /// <summary>
    /// The segment table of R's <c>rfm</c> package (rfm 0.3, <c>rfm_segment</c> example and vignette)
    /// for k = 5, on R, F and M, first match wins, "Others" as the fallback — for users moving from R.
    /// </summary>
    public static SegmentMap RfmPackage { get; } = SegmentPresets.RfmPackage();

    /// <summary>The number of scores k the map is for.</summary>
    public int Bins { get; }

    /// <summary>The rules, in order (first match wins).</summary>
    public IReadOnlyList<SegmentRule> Rules => _rules;

    /// <summary>The distinct segments, in order of first appearance, the fallback last.</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>The fallback segment, or null when the rules cover every cell.</summary>
    public Segment? Fallback { get; }

    /// <summary>The segment of a score.</summary>
    /// <param name="score">A score with every component in 1..<see cref="Bins"/>.</param>
    /// <returns>Its segment.</returns>
    public Segment Classify(RfmScore score) => _segments[IndexOf(score)];

    /// <summary>The index in <see cref="Segments"/> of the segment of a score.</summary>
    /// <param name="score">A score with every component in 1..<see cref="Bins"/>.</param>
    /// <returns>The index.</returns>
    public int IndexOf(RfmScore score)
    {
        if (!score.IsScored || score.R > Bins || score.F > Bins || score.M > Bins)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, FormattableString.Invariant($"Every score must be in 1..{Bins}."));
        }

        return _cells[(((score.R - 1) * Bins) + score.F - 1) * Bins + score.M - 1];
    }

    /// <summary>
    /// Classifies many scores at once: <c>segmentIndexes[i]</c> = the index in <see cref="Segments"/>
    /// of the segment of <c>scores[i]</c>. No allocation.
    /// </summary>
    /// <param name="scores">The scores, each in 1..<see cref="Bins"/>.</param>
    /// <param name="segmentIndexes">Receives the indexes. Range: same length as <paramref name="scores"/>.</param>
    public void Classify(ReadOnlySpan<RfmScore> scores, Span<int> segmentIndexes)
    {
        Guard.SameLength(scores.Length, segmentIndexes.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            segmentIndexes[i] = IndexOf(scores[i]);
        }
    }

    /// <summary>Finds a segment of the map by name (ordinal).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The segment, or null.</returns>
    public Segment? Find(string name)
    {
        Guard.NotNull(name);
        foreach (Segment s in _segments)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }
}
