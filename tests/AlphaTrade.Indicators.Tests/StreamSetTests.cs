using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests;

/// <summary>
/// Feeding a set of per-symbol streams one step at a time through <see cref="IndicatorStreams.UpdateAll"/> leaves every
/// stream exactly as feeding each its bar with <see cref="IIndicatorStream.Update(in Bar)"/> does, for every registered
/// indicator, over random series with invalid bars, symbols missing from some steps and symbols without a stream.
/// </summary>
public class StreamSetTests
{
    [Theory]
    [MemberData(nameof(RegisteredIndicators.Names), MemberType = typeof(RegisteredIndicators))]
    public void UpdateAll_EqualsUpdatingEachStream(string name)
    {
        const int symbols = 4;
        var def = IndicatorRegistry.Get(name);
        var p = def.DefaultParameters();
        var series = Enumerable.Range(0, symbols).Select(s => RandomBars.Create(31 + s, 1500, withInvalid: s != 0)).ToArray();
        var together = new IIndicatorStream?[symbols];
        var alone = new IIndicatorStream?[symbols];
        for (int s = 0; s < symbols - 1; s++)
        {
            together[s] = def.CreateStream(p);
            alone[s] = def.CreateStream(p);
        }

        // Symbol 3 has bars but no stream (not a member); symbol 2 skips every seventh step.
        var slice = new BarSlice(symbols);
        for (int i = 0; i < 1500; i++)
        {
            slice.Reset(series[0].Time[i]);
            for (int s = 0; s < symbols; s++)
            {
                if (s == 2 && i % 7 == 0)
                {
                    continue;
                }

                var b = series[s];
                slice.Add(s, b.Open[i], b.High[i], b.Low[i], b.Close[i], b.Volume[i]);
                alone[s]?.Update(new Bar(series[0].Time[i], b.Open[i], b.High[i], b.Low[i], b.Close[i], b.Volume[i]));
            }

            IndicatorStreams.UpdateAll(together, slice);
            for (int s = 0; s < symbols - 1; s++)
            {
                var (x, y) = (together[s]!, alone[s]!);
                Assert.Equal(y.IsReady, x.IsReady);
                Assert.Equal(y.BarsSeen, x.BarsSeen);
                for (int k = 0; k < y.OutputCount; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(y[k]), BitConverter.DoubleToInt64Bits(x[k]));
                }
            }
        }
    }
}
