using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests.Patterns;

/// <summary>The candlestick and Hilbert definitions allocate nothing per batch call or per streamed bar.</summary>
public class AllocationTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var d in IndicatorRegistry.All.Where(d => d.Info.Category == IndicatorCategory.Pattern
                     || d.Info.TaLibName is "HT_DCPERIOD" or "HT_DCPHASE" or "HT_PHASOR" or "HT_SINE" or "HT_TRENDLINE" or "HT_TRENDMODE" or "MAMA"))
        {
            data.Add(d.Info.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ComputeAndUpdate_AfterWarmUp_AllocateNothing(string name)
    {
        var def = IndicatorRegistry.Get(name);
        var bars = RandomBars.Create(17, 2000, withInvalid: true);
        var p = def.DefaultParameters();
        var outs = def.Info.Outputs.Select(_ => new double[bars.Count]).ToArray();
        def.Compute(bars.Input, p, outs);
        var stream = def.CreateStream(p);
        var bar = new Bar(bars.Time[0], bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]);
        stream.Update(bar);

        long before = GC.GetAllocatedBytesForCurrentThread();
        def.Compute(bars.Input, p, outs);
        for (int i = 0; i < bars.Count; i++)
        {
            stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
