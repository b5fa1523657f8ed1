using System.Globalization;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>The CDNOW sample calibration summary (tests/data/cdnow_sample_summary_weeks.csv: ID,x,t_x,T,zbar in weeks).</summary>
internal static class CdnowData
{
    private static readonly Lazy<(double[] X, double[] Tx, double[] T, double[] Zbar)> Columns = new(() =>
    {
        IReadOnlyList<string[]> rows = TestData.Rows("cdnow_sample_summary_weeks.csv");
        var x = new double[rows.Count];
        var tx = new double[rows.Count];
        var t = new double[rows.Count];
        var z = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            x[i] = double.Parse(rows[i][1], CultureInfo.InvariantCulture);
            tx[i] = double.Parse(rows[i][2], CultureInfo.InvariantCulture);
            t[i] = double.Parse(rows[i][3], CultureInfo.InvariantCulture);
            z[i] = double.Parse(rows[i][4], CultureInfo.InvariantCulture);
        }

        return (x, tx, t, z);
    });

    public static double[] X => Columns.Value.X;

    public static double[] Tx => Columns.Value.Tx;

    public static double[] T => Columns.Value.T;

    public static double[] Zbar => Columns.Value.Zbar;

    public static PurchaseHistories Histories => new(X, Tx, T);
}
