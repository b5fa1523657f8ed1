namespace CustomerRetention.Probabilistic.Numerics;

/// <summary>Sums a kernel's per-row contributions over rows [start, end) into <paramref name="sums"/> (which it adds to).</summary>
internal delegate void RowKernel(int start, int end, Span<double> sums);

/// <summary>
/// Runs a row kernel over all rows: sequentially for small inputs (and on netstandard2.0), over fixed chunks in
/// parallel on net8.0 for large ones. Chunks depend only on the row count and partial sums are added in chunk
/// order, so results are deterministic whatever the number of cores.
/// </summary>
internal static class RowSums
{
    private const int ChunkSize = 16_384;

    public static void Run(int rows, int width, RowKernel kernel, Span<double> sums)
    {
        sums.Clear();
#if NET8_0_OR_GREATER
        int chunks = (rows + ChunkSize - 1) / ChunkSize;
        if (chunks >= 4 && Environment.ProcessorCount > 1)
        {
            double[] partial = new double[chunks * width];
            Parallel.For(0, chunks, c =>
            {
                int start = c * ChunkSize;
                int end = Math.Min(rows, start + ChunkSize);
                kernel(start, end, partial.AsSpan(c * width, width));
            });
            for (int c = 0; c < chunks; c++)
            {
                for (int k = 0; k < width; k++)
                {
                    sums[k] += partial[(c * width) + k];
                }
            }

            return;
        }
#endif
        kernel(0, rows, sums);
    }
}
