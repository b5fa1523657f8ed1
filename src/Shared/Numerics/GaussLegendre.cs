namespace CustomerRetention.Numerics;

/// <summary>
/// The 96-point Gauss–Legendre rule on [−1, 1] (exact for polynomials of degree ≤ 191), computed once by Newton's
/// method on the three-term recurrence of the Legendre polynomials (Golub &amp; Welsch's nodes to ~1e-16).
/// </summary>
internal static class GaussLegendre
{
    private const int Order = 96;

    public static readonly double[] Nodes = new double[Order];

    public static readonly double[] Weights = new double[Order];

    static GaussLegendre()
    {
        for (int i = 0; i < (Order + 1) / 2; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (Order + 0.5));
            double derivative = 1;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= Order; k++)
                {
                    double p2 = (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k;
                    p0 = p1;
                    p1 = p2;
                }

                derivative = Order * ((x * p1) - p0) / ((x * x) - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            double weight = 2 / ((1 - (x * x)) * derivative * derivative);
            Nodes[i] = -x;
            Nodes[Order - 1 - i] = x;
            Weights[i] = weight;
            Weights[Order - 1 - i] = weight;
        }
    }
}
