using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class OrderAndDuplicateTests
{
    [Fact]
    public void Clean_SortedInput_ReportsNoDisorderAndKeepsEveryBar()
    {
        var rows = RandomWalk(Monday, 2, seed: 1);
        var r = Clean(rows);
        Assert.True(r.Report.Order.WasSorted);
        Assert.Equal(0, r.Report.Order.Inversions);
        Assert.Equal(rows.Count, r.Series.Count);
        Assert.Equal(rows.Select(b => b.TimeUtcTicks), r.Series.Time.ToArray());
        Assert.Equal(100.0, r.Report.Score.Total);
    }

    [Fact]
    public void Clean_OneSwappedPair_CountsOneInversionAndSorts()
    {
        var rows = RandomWalk(Monday, 1, seed: 2);
        (rows[5], rows[6]) = (rows[6], rows[5]);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Order.Inversions);
        Assert.Equal(1, r.Report.Order.OutOfOrderRows);
        Assert.Equal([rows[6].TimeUtc], r.Report.Order.Examples); // the earlier bar, written second
        Assert.True(IsStrictlyAscending(r.Series.Time));
    }

    [Fact]
    public void Clean_ReversedFile_CountsEveryPairAsInverted()
    {
        var rows = RandomWalk(Monday, 1, seed: 3).Take(10).ToList();
        rows.Reverse();
        var r = Clean(rows);
        Assert.Equal(45, r.Report.Order.Inversions);
        Assert.Equal(9, r.Report.Order.OutOfOrderRows);
        Assert.True(IsStrictlyAscending(r.Series.Time));
    }

    [Fact]
    public void StableTimeSort_RandomTimes_MatchesBruteForceAndKeepsTiesInFileOrder()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = rng.Next(1, 300);
            var time = Enumerable.Range(0, n).Select(_ => (long)rng.Next(50)).ToArray();
            var order = new int[n];
            var scratch = new int[n];
            var report = StableTimeSort.Sort(time, order, scratch, maxExamples: 3);

            long brute = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    brute += time[i] > time[j] ? 1 : 0;
                }
            }

            Assert.Equal(brute, report.Inversions);
            Assert.Equal(Math.Min(3, report.OutOfOrderRows), report.Examples.Count);
            var expected = Enumerable.Range(0, n).OrderBy(i => time[i]).ThenBy(i => i).ToArray();
            Assert.Equal(expected, order);
        }
    }

    [Fact]
    public void Clean_ExactDuplicate_CountsExactRowAndKeepsOne()
    {
        var rows = RandomWalk(Monday, 1, seed: 4);
        rows.Insert(8, rows[7]);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Duplicates.Timestamps);
        Assert.Equal(1, r.Report.Duplicates.ExactRows);
        Assert.Equal(0, r.Report.Duplicates.ConflictingRows);
        Assert.Equal(rows.Count - 1, r.Series.Count);
        var example = Assert.Single(r.Report.Duplicates.Examples);
        Assert.Equal(rows[7].TimeUtc, example.TimeUtc);
        Assert.Equal(2, example.Rows);
        Assert.False(example.Conflicting);
    }

    [Fact]
    public void Clean_ConflictingDuplicate_KeepsLastRowInFileOrderByDefault()
    {
        var rows = RandomWalk(Monday, 1, seed: 5);
        var correction = rows[7] with { Close = rows[7].Close + 0.01, High = rows[7].High + 0.01 };
        rows.Add(correction); // appended at the end of the file: out of order too
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Duplicates.ConflictingRows);
        Assert.Equal(0, r.Report.Duplicates.ExactRows);
        Assert.True(r.Report.Duplicates.Examples[0].Conflicting);
        int i = r.Series.LowerBound(correction.TimeUtcTicks);
        Assert.Equal(correction.Close, r.Series.Close[i]);
        Assert.Equal(rows.Count - 1, r.Series.Count);
    }

    [Fact]
    public void Clean_ConflictingDuplicate_KeepFirstPolicyKeepsFirstRowInFileOrder()
    {
        var rows = RandomWalk(Monday, 1, seed: 5);
        var original = rows[7];
        rows.Add(original with { Volume = original.Volume + 1 });
        var r = Clean(rows, new BarCleanerOptions { Duplicates = DuplicateKeepPolicy.KeepFirst });
        int i = r.Series.LowerBound(original.TimeUtcTicks);
        Assert.Equal(original.Volume, r.Series.Volume[i]);
        Assert.Equal(1, r.Report.Duplicates.ConflictingRows);
    }

    [Fact]
    public void Clean_TripleDuplicate_RemovesTwoRows()
    {
        var rows = RandomWalk(Monday, 1, seed: 6);
        rows.Insert(3, rows[3]);
        rows.Insert(3, rows[3]);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Duplicates.Timestamps);
        Assert.Equal(2, r.Report.Duplicates.RemovedRows);
        Assert.Equal(3, r.Report.Duplicates.Examples[0].Rows);
    }

    [Fact]
    public void Clean_ManyDuplicates_ListsOnlyMaxExamplesInTimeOrder()
    {
        var rows = RandomWalk(Monday, 1, seed: 8);
        var dups = rows.Take(10).ToList();
        dups.Reverse();
        rows.AddRange(dups);
        var r = Clean(rows, new BarCleanerOptions { MaxExamples = 3 });
        Assert.Equal(10, r.Report.Duplicates.Timestamps);
        Assert.Equal(3, r.Report.Duplicates.Examples.Count);
        Assert.Equal(rows[0].TimeUtc, r.Report.Duplicates.Examples[0].TimeUtc);
        Assert.Equal(rows[2].TimeUtc, r.Report.Duplicates.Examples[2].TimeUtc);
    }

    [Fact]
    public void Clean_Input_IsNotModified()
    {
        var rows = RandomWalk(Monday, 1, seed: 9);
        rows.Reverse();
        var raw = Series(rows);
        var before = raw.Time.ToArray();
        _ = Cleaner().Clean(raw);
        Assert.Equal(before, raw.Time.ToArray());
        Assert.Equal(rows.Count, raw.Count);
    }

    private static bool IsStrictlyAscending(ReadOnlySpan<long> t)
    {
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] <= t[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
