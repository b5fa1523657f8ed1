using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>The quadrants of importance–performance analysis (Martilla &amp; James 1977).</summary>
public enum IpaQuadrant
{
    /// <summary>Quadrant A: high importance, low performance — "concentrate here".</summary>
    ConcentrateHere = 0,

    /// <summary>Quadrant B: high importance, high performance — "keep up the good work".</summary>
    KeepUpTheGoodWork = 1,

    /// <summary>Quadrant C: low importance, low performance — "low priority".</summary>
    LowPriority = 2,

    /// <summary>Quadrant D: low importance, high performance — "possible overkill".</summary>
    PossibleOverkill = 3,
}

/// <summary>Where the crosshair of the importance–performance grid is placed.</summary>
public enum IpaCrosshair
{
    /// <summary>At the means of importance and of performance over the items (data-centred).</summary>
    Means = 0,

    /// <summary>At the midpoint of the rating scale (scale-centred; importance then must be on the scale too).</summary>
    ScaleMidpoint = 1,
}

/// <summary>One item placed on the importance–performance grid.</summary>
/// <remarks>Immutable.</remarks>
public sealed class IpaPlacement
{
    /// <summary>A placement from its parts (what <see cref="ImportancePerformance.Analyze"/> computes, or a stored result holds).</summary>
    /// <param name="name">The item's name.</param>
    /// <param name="importance">Its importance. Range: finite.</param>
    /// <param name="performance">Its performance. Range: finite.</param>
    /// <param name="quadrant">Its quadrant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite or the quadrant is not defined.</exception>
    public IpaPlacement(string name, double importance, double performance, IpaQuadrant quadrant)
    {
        Guard.NotNull(name);
        Guard.Finite(importance);
        Guard.Finite(performance);
        Guard.Defined(quadrant);
        Name = name;
        Importance = importance;
        Performance = performance;
        Quadrant = quadrant;
    }

    /// <summary>The item's name.</summary>
    public string Name { get; }

    /// <summary>The item's importance.</summary>
    public double Importance { get; }

    /// <summary>The item's performance (satisfaction).</summary>
    public double Performance { get; }

    /// <summary>The quadrant.</summary>
    public IpaQuadrant Quadrant { get; }
}

/// <summary>The result of <see cref="ImportancePerformance.Analyze"/>: the crosshair and the items' quadrants.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ImportancePerformanceResult
{
    private readonly IpaPlacement[] _items;

    /// <summary>A result from its parts (what <see cref="ImportancePerformance.Analyze"/> computes, or a stored result holds).</summary>
    /// <param name="importanceCross">The importance at which the grid is split. Range: finite.</param>
    /// <param name="performanceCross">The performance at which the grid is split. Range: finite.</param>
    /// <param name="items">The placements; each quadrant must be the one <see cref="ImportancePerformance.Quadrant"/> gives for the crosshair.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or an item is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cross is not finite.</exception>
    /// <exception cref="ArgumentException">An item's quadrant disagrees with the crosshair.</exception>
    public ImportancePerformanceResult(double importanceCross, double performanceCross, IReadOnlyList<IpaPlacement> items)
    {
        Guard.NotNull(items);
        Guard.Finite(importanceCross);
        Guard.Finite(performanceCross);
        var copy = new IpaPlacement[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i] ?? throw new ArgumentNullException(nameof(items), $"Item {i} is null.");
            if (ImportancePerformance.Quadrant(copy[i].Importance, copy[i].Performance, importanceCross, performanceCross) != copy[i].Quadrant)
            {
                throw new ArgumentException($"Item '{copy[i].Name}' is not in quadrant {copy[i].Quadrant} for this crosshair.", nameof(items));
            }
        }

        ImportanceCross = importanceCross;
        PerformanceCross = performanceCross;
        _items = copy;
    }

    /// <summary>The importance at which the grid is split.</summary>
    public double ImportanceCross { get; }

    /// <summary>The performance at which the grid is split.</summary>
    public double PerformanceCross { get; }

    /// <summary>The items in input order.</summary>
    public IReadOnlyList<IpaPlacement> Items => _items;
}

/// <summary>
/// Importance–performance analysis: items on a grid of importance (vertical) × performance
/// (horizontal), split at a crosshair into four quadrants with their prescriptions.
/// </summary>
/// <remarks>
/// A value on the crosshair counts as high. Source: J. A. Martilla &amp; J. C. James (1977),
/// "Importance-Performance Analysis", <i>Journal of Marketing</i> 41(1), 77–79, Figure 1; the
/// crosshair at the scale midpoint is the original's, at the data means the common variant
/// (e.g. Oh 2001, <i>Tourism Management</i> 22, 617–627, discusses both).
/// </remarks>
public static class ImportancePerformance
{
    /// <summary>The quadrant of one point given the crosshair.</summary>
    /// <param name="importance">Range: finite.</param>
    /// <param name="performance">Range: finite.</param>
    /// <param name="importanceCross">Range: finite.</param>
    /// <param name="performanceCross">Range: finite.</param>
    public static IpaQuadrant Quadrant(double importance, double performance, double importanceCross, double performanceCross)
    {
        Guard.Finite(importance);
        Guard.Finite(performance);
        Guard.Finite(importanceCross);
        Guard.Finite(performanceCross);
        bool highImportance = importance >= importanceCross;
        bool highPerformance = performance >= performanceCross;
        return highImportance
            ? (highPerformance ? IpaQuadrant.KeepUpTheGoodWork : IpaQuadrant.ConcentrateHere)
            : (highPerformance ? IpaQuadrant.PossibleOverkill : IpaQuadrant.LowPriority);
    }

    /// <summary>Places every item on the grid.</summary>
    /// <param name="scale">The rating scale of performance (and of importance with <see cref="IpaCrosshair.ScaleMidpoint"/>).</param>
    /// <param name="items">The items: importance and satisfaction (performance). Range: at least one; satisfaction on the scale.</param>
    /// <param name="crosshair">Where to split the grid; default the means.</param>
    public static ImportancePerformanceResult Analyze(RatingScale scale, IReadOnlyList<SurveyItem> items, IpaCrosshair crosshair = IpaCrosshair.Means)
    {
        Guard.NotNull(scale);
        Guard.NotNull(items);
        Guard.Defined(crosshair);
        if (items.Count == 0)
        {
            throw new ArgumentException("At least one item is needed.", nameof(items));
        }

        double sumI = 0;
        double sumP = 0;
        for (int i = 0; i < items.Count; i++)
        {
            SurveyItem item = items[i] ?? throw new ArgumentException("An item must not be null.", nameof(items));
            scale.Validate(item.Satisfaction, nameof(items));
            if (crosshair == IpaCrosshair.ScaleMidpoint && !scale.Contains(item.Importance))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(items),
                    item.Importance,
                    string.Format(CultureInfo.InvariantCulture, "Importance of '{0}' must be on the {1} scale when the crosshair is at the scale midpoint.", item.Name, scale));
            }

            sumI += item.Importance;
            sumP += item.Satisfaction;
        }

        double crossI = crosshair == IpaCrosshair.Means ? sumI / items.Count : scale.Midpoint;
        double crossP = crosshair == IpaCrosshair.Means ? sumP / items.Count : scale.Midpoint;
        var placements = new IpaPlacement[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            SurveyItem item = items[i];
            placements[i] = new IpaPlacement(item.Name, item.Importance, item.Satisfaction, Quadrant(item.Importance, item.Satisfaction, crossI, crossP));
        }

        return new ImportancePerformanceResult(crossI, crossP, placements);
    }
}
