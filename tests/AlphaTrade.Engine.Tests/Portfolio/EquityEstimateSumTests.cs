using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Engine.Tests.Portfolio;

public sealed class EquityEstimateSumTests
{
    /// <summary>The definition written out term by term: four interleaved partial sums, the tail into the first.</summary>
    private static double Reference(double cash, double[] q, double[] m)
    {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        int s = 0;
        for (; s + 4 <= q.Length; s += 4)
        {
            p0 += q[s] * m[s];
            p1 += q[s + 1] * m[s + 1];
            p2 += q[s + 2] * m[s + 2];
            p3 += q[s + 3] * m[s + 3];
        }

        for (; s < q.Length; s++)
        {
            p0 += q[s] * m[s];
        }

        return cash + ((p0 + p1) + (p2 + p3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(46)]
    [InlineData(503)]
    public void Of_AnyLength_IsTheFourSumDefinitionBitForBit(int symbols)
    {
        // Values whose sums round at every step (mixed signs and magnitudes, non-terminating prices), so any other
        // order or a fused multiply-add would show in the last bits.
        var rng = new Random(symbols + 11);
        for (int trial = 0; trial < 2_000; trial++)
        {
            var q = new double[symbols];
            var m = new double[symbols];
            for (int s = 0; s < symbols; s++)
            {
                q[s] = rng.Next(4) == 0 ? 0 : Math.Round((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(0, 7)));
                m[s] = (rng.NextDouble() * 900) + (1.0 / 3.0);
            }

            double cash = (rng.NextDouble() - 0.3) * 1e7;
            double expected = Reference(cash, q, m);
            double actual = EquityEstimateSum.Of(cash, q, m);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }

    [Fact]
    public void Of_IsTheLedgersEstimate_WithPositionsAndCash()
    {
        var names = Enumerable.Range(0, 9).Select(i => "S" + i).ToArray();
        var ledger = new Ledger(new AlphaTrade.Core.Market.SymbolTable(names), ["s"], 250_000.37m);
        var q = new double[9];
        var m = new double[9];
        for (int s = 0; s < 9; s++)
        {
            m[s] = 10.0 + (s / 7.0);
            ledger.SetMark(s, m[s]);
            q[s] = (s % 3) switch { 0 => 0, 1 => 100 + s, _ => -37 * s };
            if (q[s] != 0)
            {
                var side = q[s] > 0 ? AlphaTrade.Core.Orders.OrderSide.Buy : AlphaTrade.Core.Orders.OrderSide.Sell;
                ledger.ApplyFill(0, s, new AlphaTrade.Core.Orders.Fill(new AlphaTrade.Core.Orders.OrderId(s + 1), names[s], side, (long)Math.Abs(q[s]), 10.01m + s, 1m, 0.02m, 0));
            }
        }

        Assert.Equal(EquityEstimateSum.Of(ledger.CashEstimate, q, m), ledger.EquityEstimate());
        Assert.NotEqual(ledger.CashEstimate, ledger.EquityEstimate());
    }
}
