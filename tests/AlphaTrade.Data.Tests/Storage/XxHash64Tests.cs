using System.Text;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Tests.Storage;

public class XxHash64Tests
{
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1UL)]
    public void Hash_ReferenceVectors_Match(string text, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Append_AnySplit_GivesTheOneShotHash()
    {
        var rng = new Random(5);
        var data = new byte[1000];
        rng.NextBytes(data);
        ulong oneShot = XxHash64.Hash(data);
        for (int trial = 0; trial < 200; trial++)
        {
            var h = new XxHash64();
            int p = 0;
            while (p < data.Length)
            {
                int take = Math.Min(rng.Next(0, 70), data.Length - p);
                h.Append(data.AsSpan(p, take));
                p += take;
            }

            Assert.Equal(oneShot, h.GetCurrentHash());
        }
    }
}
