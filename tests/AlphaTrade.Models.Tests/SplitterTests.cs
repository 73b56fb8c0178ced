using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Tests;

public class SplitterTests
{
    [Theory]
    [InlineData(WalkForwardWindow.Expanding, 0)]
    [InlineData(WalkForwardWindow.Rolling, 20)]
    public void Walk_forward_never_trains_on_anything_known_after_the_test_period_starts(WalkForwardWindow window, int periods)
    {
        // Labels end 5 days after their row: rows in the 5 days before each test block must be purged.
        var data = Synthetic.Panel(100, 4, 2, ModelTask.Classification, horizonDays: 5);
        var folds = new WalkForwardSplitter(5, window, 0.4, periods).Split(data);
        Assert.Equal(5, folds.Count);
        foreach (var f in folds)
        {
            Assert.NotEmpty(f.Train);
            Assert.All(f.Train, r => Assert.True(data.Timestamps[r] < f.TestStart));
            Assert.All(f.Train, r => Assert.True(data.LabelEndTimes[r] < f.TestStart, "a training label ends inside the test period"));
            Assert.All(f.Test, r => Assert.InRange(data.Timestamps[r], f.TestStart, f.TestEnd));

            // Purging is not over-eager: the last kept training row's label ends just before the test start.
            Assert.Equal(new DateTime(f.TestStart, DateTimeKind.Utc).AddDays(-1), new DateTime(f.Train.Max(r => data.LabelEndTimes[r]), DateTimeKind.Utc));
        }

        // Test blocks are consecutive and cover the periods after the initial 40% exactly once.
        var tested = folds.SelectMany(f => f.Test).ToArray();
        Assert.Equal(Enumerable.Range(40 * 4, 60 * 4), tested);
        if (window == WalkForwardWindow.Rolling)
        {
            Assert.All(folds, f => Assert.Equal(15 * 4, f.Train.Length)); // 20-period window less 5 purged periods
        }
        else
        {
            Assert.True(folds[4].Train.Length > folds[0].Train.Length);
        }
    }

    [Fact]
    public void Purged_kfold_purges_overlapping_labels_and_embargoes_after_the_test_block()
    {
        var data = Synthetic.Panel(100, 3, 2, ModelTask.Classification, horizonDays: 4);
        var folds = new PurgedKFoldSplitter(5, embargoPeriods: 3).Split(data);
        Assert.Equal(Enumerable.Range(0, data.RowCount), folds.SelectMany(f => f.Test).Order());
        var day = TimeSpan.TicksPerDay;
        foreach (var f in folds)
        {
            foreach (var r in f.Train)
            {
                var t = data.Timestamps[r];
                var end = data.LabelEndTimes[r];
                Assert.False(t <= f.TestEnd && end >= f.TestStart, "a training label overlaps the test block");
                Assert.False(t > f.TestEnd && t <= f.TestEnd + (3 * day), "a training row sits in the embargo");
            }

            // Exactly the 4 purged days before and the 3 embargoed days after the block are missing.
            var before = f.TestStart > data.Timestamps[0] ? 4 : 0;
            var after = f.TestEnd < data.Timestamps[^1] ? 3 : 0;
            Assert.Equal(data.RowCount - f.Test.Length - ((before + after) * 3), f.Train.Length);
        }
    }

    [Fact]
    public void Too_few_periods_is_an_input_error()
    {
        var data = Synthetic.Panel(6, 2, 2, ModelTask.Classification);
        Assert.Throws<AlphaTrade.Core.InputException>(() => new WalkForwardSplitter(5, WalkForwardWindow.Expanding, 0.5).Split(data));
    }
}
