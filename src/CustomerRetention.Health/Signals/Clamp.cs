namespace CustomerRetention.Health;

/// <summary>Clamping of a risk to [0, 1].</summary>
internal static class Clamp
{
    /// <summary>x clamped to [0, 1].</summary>
    public static double Unit(double x) => x <= 0 ? 0 : x >= 1 ? 1 : x;
}
