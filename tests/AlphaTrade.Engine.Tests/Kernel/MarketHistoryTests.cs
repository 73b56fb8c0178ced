using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Engine.Tests.Kernel;

public sealed class MarketHistoryTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 2)]
    [InlineData(5, 37)]
    [InlineData(16, 1000)]
    public void Append_ManyBars_KeepsTheLastCapacityInOrder(int capacity, int bars)
    {
        var h = new MarketHistory(new SymbolTable(["A", "B"]), capacity);
        for (int i = 0; i < bars; i++)
        {
            h.Append(0, i, i, i + 1, i - 1, i + 0.5, i * 10);
            if (i % 3 == 0)
            {
                h.Append(1, i, -i, -i, -i, -i, -i);
            }

            int expect = Math.Min(capacity, i + 1);
            Assert.Equal(expect, h.Length(0));
            var close = h.Close(0);
            var time = h.Time(0);
            for (int k = 0; k < expect; k++)
            {
                long t = i - expect + 1 + k;
                Assert.Equal(t, time[k]);
                Assert.Equal(t + 0.5, close[k]);
            }

            Assert.Equal(i + 0.5, h.LastClose(0));
        }

        Assert.Equal(Math.Min(capacity, ((bars - 1) / 3) + 1), h.Length(1));
    }

    [Fact]
    public void LastClose_NoBars_IsNaN()
    {
        Assert.True(double.IsNaN(new MarketHistory(new SymbolTable(["A"]), 4).LastClose(0)));
    }
}
