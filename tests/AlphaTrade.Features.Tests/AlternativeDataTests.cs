using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;
using AlphaTrade.Testing;

namespace AlphaTrade.Features.Tests;

public class AlternativeDataTests
{
    private static long Ny(int day, int hour, int minute) => NyseCalendar.Instance.ToUtc(new DateTime(2024, 4, day, hour, minute, 0)).Ticks;

    /// <summary>Two sessions of 15-minute bars (April 1–2, 2024).</summary>
    private static BarSeries TwoDays()
    {
        var s = new BarSeries("AAA", TimeFrame.FifteenMinutes);
        foreach (int day in new[] { 1, 2 })
        {
            for (int k = 0; k < 26; k++)
            {
                double p = 100 + k * 0.1;
                s.Add(Ny(day, 9, 30) + (k * TimeSpan.TicksPerMinute * 15), p, p + 0.2, p - 0.2, p + 0.05, 1000);
            }
        }

        return s;
    }

    private static FeatureFrame Run(AltDataSet alt, double maxAgeDays, int zWindow = 2)
    {
        var set = new FeatureSetDefinition("alt", "", new FeatureSetOptions(),
            [new AlternativeDataSpec("news", "unused.csv", null, ["score"], maxAgeDays, [AltTransform.Value, AltTransform.Change, AltTransform.Zscore, AltTransform.Age], zWindow)], []);
        var u = new FeatureUniverse([TwoDays()], new Dictionary<string, string>(), null);
        return new FeatureBuilder(FeaturePlan.Compile(set, alt), NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = FeaturePrecision.Float64 }).Frames[0];
    }

    [Fact]
    public void AsOfJoin_UsesAValueFromTheBarWhoseEndIsAtOrAfterItsRelease_NeverBefore()
    {
        // Released 10:00 on day 1 (the 09:45 bar ends at 10:00, so it is the first to see it) and 10:07 (first seen by the 10:00 bar, ending 10:15).
        var alt = new AltDataSet([new AltSeries("news", "score", "AAA", [Ny(1, 10, 0), Ny(1, 10, 7)], [0.5, 0.8], false)], "t");
        var f = Run(alt, maxAgeDays: 10);
        Assert.True(double.IsNaN(f[0, 0]));            // 09:30 bar ends 09:45: nothing released yet
        Assert.Equal(0.5, f[0, 1]);                     // 09:45 bar ends 10:00: the 10:00 release is public
        Assert.Equal(0.8, f[0, 2]);                     // 10:00 bar ends 10:15: the 10:07 release is public
        Assert.Equal(0.8 - 0.5, f[1, 2], 12);           // change vs the previous release
        Assert.True(double.IsNaN(f[1, 1]));             // the first release has no previous one
        Assert.Equal(8.0 / (24 * 60), f[3, 2], 12);     // age in days at 10:15: 8 minutes
        Assert.Equal(1.0 / Math.Sqrt(2), f[2, 2], 12);  // z of 0.8 among {0.5, 0.8}: (0.8 − 0.65)/sd(ddof 1)
    }

    [Fact]
    public void ForwardFill_StopsAtTheMaximumAge()
    {
        var alt = new AltDataSet([new AltSeries("news", "score", "AAA", [Ny(1, 9, 0)], [1.5], false)], "t");
        var f = Run(alt, maxAgeDays: 0.25); // 6 hours: visible until 15:00 on day 1
        int lastFresh = Enumerable.Range(0, f.Rows).Last(r => double.IsFinite(f[0, r]));
        Assert.Equal(Ny(1, 14, 45), f.Time[lastFresh]); // the 14:45 bar ends at 15:00, exactly 6 hours after the release
        Assert.True(double.IsNaN(f[0, 26]));            // day 2: too old
    }

    [Fact]
    public void MarketWideSeries_JoinToEverySymbol()
    {
        var alt = new AltDataSet([new AltSeries("news", "score", null, [Ny(1, 8, 30)], [4.2], false)], "t");
        Assert.Equal(4.2, Run(alt, 5)[0, 0]);
    }

    [Fact]
    public void CsvAndParquetSources_RoundTripTheSyntheticSampleAndKeepItsLabel()
    {
        using var dir = new TempDir();
        var data = SyntheticAltData.Generate(TestMarkets.Universe(TestMarkets.Small), NyseCalendar.Instance, 5);
        var paths = SyntheticAltData.Write(data, dir.Path, 5);
        Assert.StartsWith("# SYNTHETIC sentiment data", File.ReadLines(paths[0]).First(), StringComparison.Ordinal);
        foreach (var (name, path) in new[] { ("sentiment", paths[0]), ("economic", paths[1]), ("options", paths[2]) })
        {
            var csv = new CsvAltDataSource(path, name).Load();
            Assert.True(csv.AnySynthetic);
            string pq = dir.File(name + ".parquet");
            ParquetAltDataSource.Write(pq, data[name], synthetic: true);
            var parquet = new AltSourceRegistry().Open(pq, name).Load();
            Assert.True(parquet.AnySynthetic);
            foreach (var original in data[name])
            {
                foreach (var loaded in new[] { csv, parquet })
                {
                    var s = loaded.Find(name, original.Column, original.Symbol ?? "ANY")!;
                    Assert.Equal(original.ReleaseTicks, s.ReleaseTicks);
                    Assert.Equal(original.Values, s.Values); // CSV keeps the generator's 4-decimal rounding exactly
                }
            }
        }
    }

    [Fact]
    public void SyntheticGenerator_IsDeterministic_AndUsesOnlyThePastForEachRelease()
    {
        var u = TestMarkets.Universe(TestMarkets.Small);
        var a = SyntheticAltData.Generate(u, NyseCalendar.Instance, 5);
        var b = SyntheticAltData.Generate(u, NyseCalendar.Instance, 5);
        Assert.Equal(a["options"][0].Values, b["options"][0].Values);

        // Regenerated from bars cut at t, every release up to t is unchanged.
        var timeline = FeatureBuilder.MergedTimeline(u);
        long t = timeline[timeline.Length / 2];
        var cut = SyntheticAltData.Generate(u.Truncate(t), NyseCalendar.Instance, 5);
        foreach (var name in new[] { "sentiment", "options" })
        {
            for (int i = 0; i < a[name].Count; i++)
            {
                var full = a[name][i];
                var partial = cut[name][i];
                int known = full.LastAtOrBefore(t) + 1;
                Assert.True(known > 10);
                Assert.Equal(full.Values[..known], partial.Values[..known]);
            }
        }
    }

    [Fact]
    public void CsvErrors_NameTheFileAndLine()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.csv"), "# note\nrelease_time,symbol,score\n2024-04-01,AAA,1\n");
        var ex = Assert.Throws<InputException>(() => new CsvAltDataSource(dir.File("a.csv"), "a").Load());
        Assert.Equal($"{dir.File("a.csv")}:3: release_time '2024-04-01' is not a timestamp; expected e.g. 2024-01-02T08:30:00-05:00 (a time of day is required)", ex.Message);
        File.WriteAllText(dir.File("b.csv"), "time,score\n");
        ex = Assert.Throws<InputException>(() => new CsvAltDataSource(dir.File("b.csv"), "b").Load());
        Assert.StartsWith($"{dir.File("b.csv")}:1: no release_time column", ex.Message, StringComparison.Ordinal);
        File.WriteAllText(dir.File("c.csv"), "release_time,score\n2024-04-01T08:00:00-04:00,abc\n");
        ex = Assert.Throws<InputException>(() => new CsvAltDataSource(dir.File("c.csv"), "c").Load());
        Assert.Equal($"{dir.File("c.csv")}:2: score 'abc' is not a number", ex.Message);
    }

    [Fact]
    public void Loader_ReadsTheSetsSources_AndRejectsMissingColumns()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.csv"), "release_time,score\n2024-04-01T08:00:00-04:00,1\n2024-04-02 08:00,2\n");
        var ok = new FeatureSetDefinition("x", "", new FeatureSetOptions(), [new AlternativeDataSpec("s", "s.csv", null, ["score"], 5, [AltTransform.Value])], []);
        var loaded = AltDataLoader.Load(ok, dir.Path);
        Assert.Equal([Ny(1, 8, 0), Ny(2, 8, 0)], loaded.Find("s", "score", "ANY")!.ReleaseTicks); // no offset: New York time
        var bad = new FeatureSetDefinition("x", "", new FeatureSetOptions(), [new AlternativeDataSpec("s", "s.csv", null, ["iv"], 5, [AltTransform.Value])], []);
        var ex = Assert.Throws<InputException>(() => AltDataLoader.Load(bad, dir.Path));
        Assert.Contains("has no column iv", ex.Message, StringComparison.Ordinal);
    }
}
