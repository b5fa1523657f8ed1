using System.Globalization;
using System.Runtime.InteropServices;
using Xunit;

namespace CustomerRetention.Core.Tests;

public class HugePageArraysTests
{
    private const long HugePage = 2 << 20;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData((4 << 20) / sizeof(long) - 1)] // just under 4 MiB: not worth 4 MiB of slack
    public void Small_Arrays_Are_Ordinary_With_Offset_Zero(int length)
    {
        long[] array = HugePageArrays.AllocateUninitialized<long>(length, out int offset);

        Assert.Equal(0, offset);
        Assert.Equal(length, array.Length);
    }

    [Theory]
    [InlineData((4 << 20) / sizeof(long))]
    [InlineData(3_000_001)]
    public void Large_Arrays_Have_Room_For_The_Length_From_The_Offset_On(int length)
    {
        long[] array = HugePageArrays.AllocateUninitialized<long>(length, out int offset);

        Assert.InRange(offset, 0, array.Length - length);

        // Every slot from the offset on can be written and read back.
        for (int i = 0; i < length; i++)
        {
            array[offset + i] = i * 3L;
        }

        for (int i = 0; i < length; i += 997)
        {
            Assert.Equal(i * 3L, array[offset + i]);
        }
    }

    [Fact]
    public void On_Linux_With_Transparent_Huge_Pages_The_Slots_Start_On_A_2_MiB_Boundary_And_Are_Advised()
    {
        if (!OperatingSystem.IsLinux() || !ThpAvailable())
        {
            // Elsewhere the array is ordinary (checked above); nothing more to see.
            return;
        }

        long[] array = HugePageArrays.AllocateUninitialized<long>(3_000_000, out int offset);
        long address = AddressOf(array, offset);

        Assert.Equal(0, address % HugePage);
        Assert.Contains("hg", VmFlagsAt(address));
        GC.KeepAlive(array);
    }

    private static bool ThpAvailable()
    {
        const string Setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(Setting) && !File.ReadAllText(Setting).Contains("[never]", StringComparison.Ordinal);
    }

    private static long AddressOf(long[] pinned, int index) => Marshal.UnsafeAddrOfPinnedArrayElement(pinned, index).ToInt64();

    /// <summary>The VmFlags of the mapping that holds <paramref name="address"/> (from /proc/self/smaps).</summary>
    private static string[] VmFlagsAt(long address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException("No mapping holds the address.");
    }
}
