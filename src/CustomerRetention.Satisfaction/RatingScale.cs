using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>
/// A closed rating scale from <see cref="Minimum"/> to <see cref="Maximum"/> whole points, with
/// optional labels for its points ("very dissatisfied" … "very satisfied"). An answer outside the
/// scale is an error (<see cref="Validate"/>), never silently clamped.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Neighbours: <see cref="Nps"/> always uses <see cref="ZeroToTen"/>,
/// <see cref="Acsi"/> <see cref="OneToTen"/>; <see cref="Csi"/> and <see cref="Csat"/> take any scale.
/// </remarks>
public sealed class RatingScale : IEquatable<RatingScale>
{
    private readonly string[] _labels;

    /// <summary>Creates a scale.</summary>
    /// <param name="minimum">The lowest point. Range: any whole number below <paramref name="maximum"/>.</param>
    /// <param name="maximum">The highest point. Range: &gt; <paramref name="minimum"/>, at most 1000 points in all.</param>
    /// <param name="labels">One label per point, lowest first, or null (or empty) for none.</param>
    public RatingScale(int minimum, int maximum, IReadOnlyList<string>? labels = null)
    {
        if (maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum must be greater than the minimum.");
        }

        if ((long)maximum - minimum > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "A scale has at most 1001 points.");
        }

        Minimum = minimum;
        Maximum = maximum;
        if (labels is null || labels.Count == 0)
        {
            _labels = [];
        }
        else
        {
            if (labels.Count != maximum - minimum + 1)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Expected {0} labels (one per point), got {1}.", maximum - minimum + 1, labels.Count),
                    nameof(labels));
            }

            _labels = new string[labels.Count];
            for (int i = 0; i < labels.Count; i++)
            {
                _labels[i] = labels[i] ?? throw new ArgumentException("A label must not be null.", nameof(labels));
            }
        }
    }

    /// <summary>The five-point satisfaction scale of the CSI matrix: 1 very dissatisfied … 5 very satisfied.</summary>
    public static RatingScale FivePoint { get; } = new(1, 5, ["very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"]);

    /// <summary>The seven-point scale of SERVQUAL (1 strongly disagree … 7 strongly agree).</summary>
    public static RatingScale SevenPoint { get; } = new(1, 7, ["strongly disagree", "disagree", "somewhat disagree", "neutral", "somewhat agree", "agree", "strongly agree"]);

    /// <summary>The ten-point scale of the ACSI questionnaire: 1 … 10.</summary>
    public static RatingScale OneToTen { get; } = new(1, 10);

    /// <summary>The eleven-point "how likely are you to recommend" scale of the NPS: 0 … 10.</summary>
    public static RatingScale ZeroToTen { get; } = new(0, 10);

    /// <summary>The lowest point.</summary>
    public int Minimum { get; }

    /// <summary>The highest point.</summary>
    public int Maximum { get; }

    /// <summary>The number of points, Maximum − Minimum + 1.</summary>
    public int Points => Maximum - Minimum + 1;

    /// <summary>The middle of the scale, (Minimum + Maximum)/2 (3 on 1–5, 5 on 0–10).</summary>
    public double Midpoint => 0.5 * (Minimum + Maximum);

    /// <summary>The labels of the points, lowest first; empty when the scale has none.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Whether <paramref name="value"/> lies in [Minimum, Maximum] (means may fall between points).</summary>
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>
    /// Returns <paramref name="value"/> when it lies on the scale; otherwise throws
    /// <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/>.
    /// </summary>
    /// <param name="value">An answer or a mean of answers. Range: Minimum ≤ value ≤ Maximum.</param>
    /// <param name="paramName">The parameter to name in the exception.</param>
    public double Validate(double value, string paramName = "value")
    {
        Guard.NotNull(paramName);
        Guard.Finite(value, paramName);
        if (!Contains(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "Value must be on the {0}–{1} scale.", Minimum, Maximum));
        }

        return value;
    }

    /// <summary>
    /// Maps a value of the scale to 0–100: 100·(value − Minimum)/(Maximum − Minimum).
    /// </summary>
    /// <param name="value">Range: Minimum ≤ value ≤ Maximum.</param>
    public double ToHundred(double value) => 100.0 * (Validate(value, nameof(value)) - Minimum) / (Maximum - Minimum);

    /// <summary>Maps a value of the scale to 0–1: (value − Minimum)/(Maximum − Minimum).</summary>
    /// <param name="value">Range: Minimum ≤ value ≤ Maximum.</param>
    public double ToUnit(double value) => (Validate(value, nameof(value)) - Minimum) / (double)(Maximum - Minimum);

    /// <summary>The label of a whole point, or null when the scale has no labels.</summary>
    /// <param name="point">Range: Minimum ≤ point ≤ Maximum.</param>
    public string? Label(int point)
    {
        Guard.InRange(point, Minimum, Maximum);
        return _labels.Length == 0 ? null : _labels[point - Minimum];
    }

    /// <inheritdoc/>
    public bool Equals(RatingScale? other)
    {
        if (other is null || other.Minimum != Minimum || other.Maximum != Maximum || other._labels.Length != _labels.Length)
        {
            return false;
        }

        for (int i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i], other._labels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RatingScale);

    /// <inheritdoc/>
    public override int GetHashCode() => (Minimum * 397) ^ Maximum;

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}–{1}", Minimum, Maximum);
}
