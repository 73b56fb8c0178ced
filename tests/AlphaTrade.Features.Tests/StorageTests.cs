using AlphaTrade.Core.Calendar;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Labels;
using AlphaTrade.Features.Storage;
using AlphaTrade.Features.Technical;
using AlphaTrade.Testing;

namespace AlphaTrade.Features.Tests;

public class StorageTests
{
    private static FeatureSetDefinition Set(int horizon = 5) => new("store", "", new FeatureSetOptions(),
        [new ReturnsSpec([1, horizon]), new IndicatorSpec("rsi", [], [], IndicatorTransform.Center50)],
        [new ForwardReturnLabelSpec([3]), new TripleBarrierLabelSpec(10)]);

    [Theory]
    [InlineData(FeaturePrecision.Float32)]
    [InlineData(FeaturePrecision.Float64)]
    public void Parquet_RoundTripsEveryValueNaNAndLabelEnd(FeaturePrecision precision)
    {
        var u = TestMarkets.Universe(TestMarkets.Small);
        var m = new FeatureBuilder(FeaturePlan.Compile(Set()), NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = precision });
        using var dir = new TempDir();
        FeatureParquet.Write(m, dir.File("m.parquet"));
        var back = FeatureParquet.Read(dir.File("m.parquet"));
        Assert.Equal(m.Columns, back.Columns);
        Assert.Equal(m.Features, back.Features);
        Assert.Equal(m.SetHash, back.SetHash);
        Assert.Equal(m.DataFingerprint, back.DataFingerprint);
        for (int s = 0; s < m.Frames.Count; s++)
        {
            var a = m.Frames[s];
            var b = back.Frames[s];
            Assert.Equal(a.Symbol, b.Symbol);
            Assert.Equal(a.Sector, b.Sector);
            Assert.Equal(a.Time, b.Time);
            Assert.Equal(a.LabelEnds["y_tb10_end"], b.LabelEnds["y_tb10_end"]);
            for (int c = 0; c < m.Columns.Count; c++)
            {
                Assert.Equal(a.ToDoubles(c), b.ToDoubles(c)); // NaN equals NaN here
            }
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Cache_HitsForTheSameDataAndSet_AndMissesWhenEitherChanges()
    {
        var u = TestMarkets.Universe(TestMarkets.Small);
        using var dir = new TempDir();
        var cache = new FeatureCache(dir.Path);
        var plan = FeaturePlan.Compile(Set());
        var builder = new FeatureBuilder(plan, NyseCalendar.Instance);
        var options = new FeatureBuildOptions();
        var first = cache.GetOrBuild(plan, u, builder, options, out bool hit1);
        var second = cache.GetOrBuild(plan, u, builder, options, out bool hit2);
        Assert.False(hit1);
        Assert.True(hit2);
        Assert.Equal(first.Frames[0].ToDoubles(1), second.Frames[0].ToDoubles(1));

        // Different data (one bar fewer) and a different set are misses with their own files.
        cache.GetOrBuild(plan, u.Truncate(u.Series[0].Time[^2]), builder, options, out bool hit3);
        var plan2 = FeaturePlan.Compile(Set(horizon: 6));
        cache.GetOrBuild(plan2, u, new FeatureBuilder(plan2, NyseCalendar.Instance), options, out bool hit4);
        Assert.False(hit3);
        Assert.False(hit4);
        Assert.Equal(3, Directory.GetFiles(dir.Path, "*.parquet").Length);
    }

    [Fact]
    public void Build_IsDeterministic_RegardlessOfParallelism()
    {
        var plan = FeaturePlan.Compile(TestMarkets.DefaultSet(), TestMarkets.SmallAlt);
        var u = TestMarkets.Universe(TestMarkets.Small);
        var one = new FeatureBuilder(plan, NyseCalendar.Instance).Build(u, new FeatureBuildOptions { MaxDegreeOfParallelism = 1 });
        var many = new FeatureBuilder(plan, NyseCalendar.Instance).Build(u, new FeatureBuildOptions { MaxDegreeOfParallelism = 4 });
        using var dir = new TempDir();
        FeatureParquet.Write(one, dir.File("a.parquet"));
        FeatureParquet.Write(many, dir.File("b.parquet"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.parquet")), File.ReadAllBytes(dir.File("b.parquet")));
    }
}
