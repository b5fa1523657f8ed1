using CustomerRetention.Orleans.Aggregation;

namespace CustomerRetention.Orleans.Tests;

public sealed class FilePartitionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Split_CoversEveryRowOnceAtLineStartsInFileOrder(int count)
    {
        string path = TestData.Path("cdnow_sample_transactions.csv");
        byte[] bytes = File.ReadAllBytes(path);
        int header = Array.IndexOf(bytes, (byte)'\n') + 1;

        IReadOnlyList<FilePartition> partitions = FilePartition.Split(path, count);

        Assert.Equal(count, partitions.Count);
        Assert.Equal(header, partitions[0].Start);
        Assert.Equal(bytes.Length, partitions[^1].End);
        for (int i = 0; i < partitions.Count; i++)
        {
            Assert.True(partitions[i].Start < partitions[i].End);
            Assert.Equal((byte)'\n', bytes[partitions[i].Start - 1]);
            if (i > 0)
            {
                Assert.Equal(partitions[i - 1].End, partitions[i].Start);
            }
        }
    }

    [Fact]
    public void Split_MorePartitionsThanLines_GivesOnePerLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "customer_id,date,amount\n1,2024-01-01,1\n2,2024-01-02,2\n");

            IReadOnlyList<FilePartition> partitions = FilePartition.Split(path, 10);

            Assert.Equal(2, partitions.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Split_ZeroPartitions_ThrowsNamingTheCount()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FilePartition.Split(TestData.Path("cdnow_sample_transactions.csv"), 0));

        Assert.Equal("count", e.ParamName);
    }
}
