using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests;

/// <summary>
/// A bank (<see cref="IndicatorDefinition.CreateBank"/>) reports exactly what one stream per member reports — every
/// output bit for bit and the readiness, after every step — for every registered indicator, over random series with
/// invalid bars, a member missing from some steps, a non-member that has bars (ignored, NaN) and a member fed bar by
/// bar instead of by slice (as the strategy framework feeds higher time frames).
/// </summary>
public class IndicatorBankTests
{
    [Theory]
    [MemberData(nameof(RegisteredIndicators.Names), MemberType = typeof(RegisteredIndicators))]
    public void Bank_EqualsOneStreamPerMember(string name)
    {
        const int symbols = 5;
        const int steps = 1500;
        var def = IndicatorRegistry.Get(name);
        var p = def.DefaultParameters();
        var series = Enumerable.Range(0, symbols).Select(s => RandomBars.Create(57 + s, steps, withInvalid: s != 0)).ToArray();

        // Members 0, 1, 2 and 4 (4 is fed with Update, not through the slice); symbol 3 has bars but is not a member.
        int[] members = [0, 1, 2, 4];
        var bank = def.CreateBank(p, symbols, members);
        var alone = new IIndicatorStream?[symbols];
        foreach (int s in members)
        {
            alone[s] = def.CreateStream(p);
        }

        Assert.Equal(def.Info.Outputs.Count, bank.OutputCount);
        Assert.False(bank.IsMember(3));
        var slice = new BarSlice(symbols);
        for (int i = 0; i < steps; i++)
        {
            slice.Reset(series[0].Time[i]);
            for (int s = 0; s < 4; s++)
            {
                if (s == 2 && i % 7 == 0)
                {
                    continue;
                }

                var b = series[s];
                slice.Add(s, b.Open[i], b.High[i], b.Low[i], b.Close[i], b.Volume[i]);
                alone[s]?.Update(new Bar(series[0].Time[i], b.Open[i], b.High[i], b.Low[i], b.Close[i], b.Volume[i]));
            }

            bank.UpdateAll(slice);
            var b4 = series[4];
            var bar4 = new Bar(series[0].Time[i], b4.Open[i], b4.High[i], b4.Low[i], b4.Close[i], b4.Volume[i]);
            bank.Update(4, bar4);
            alone[4]!.Update(bar4);
            bank.Update(3, bar4);

            foreach (int s in members)
            {
                var y = alone[s]!;
                Assert.Equal(y.IsReady, bank.IsReady(s));
                for (int k = 0; k < y.OutputCount; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(y[k]), BitConverter.DoubleToInt64Bits(bank.Value(s, k)));
                }
            }

            Assert.False(bank.IsReady(3));
            Assert.True(double.IsNaN(bank.Value(3)));

            // The output block, where the bank keeps one, holds exactly what Value reports (NaN for the non-member).
            var block = bank.Outputs.Span;
            if (!block.IsEmpty)
            {
                for (int s = 0; s < symbols; s++)
                {
                    for (int k = 0; k < bank.OutputCount; k++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(bank.Value(s, k)), BitConverter.DoubleToInt64Bits(block[(s * bank.OutputCount) + k]));
                    }
                }
            }
        }
    }
}
