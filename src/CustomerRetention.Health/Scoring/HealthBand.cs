namespace CustomerRetention.Health;

/// <summary>A health band, from the best to the worst.</summary>
public enum HealthBand
{
    /// <summary>No action needed (default: health ≥ 75). Written <c>healthy</c>.</summary>
    Healthy = 0,

    /// <summary>Keep an eye on it (default: 50 ≤ health &lt; 75). Written <c>watch</c>.</summary>
    Watch = 1,

    /// <summary>Act: open a case (default: 25 ≤ health &lt; 50). Written <c>at-risk</c>.</summary>
    AtRisk = 2,

    /// <summary>Act now (default: health &lt; 25). Written <c>critical</c>.</summary>
    Critical = 3,
}
