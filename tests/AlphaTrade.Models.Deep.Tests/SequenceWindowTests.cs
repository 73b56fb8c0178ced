using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Deep.Tests;

public class SequenceWindowTests
{
    // Two symbols interleaved in time order; feature 0 is the row's own time index, feature 1 marks the symbol.
    private static Dataset Panel(int periods, double offset = 0)
    {
        var values = new List<float>();
        var labels = new List<double>();
        var ts = new List<long>();
        var symbols = new List<string>();
        for (var t = 0; t < periods; t++)
        {
            foreach (var (sym, mark) in new[] { ("A", 0f), ("B", 1f) })
            {
                values.Add((float)(t + offset));
                values.Add(mark);
                labels.Add((t + (int)mark) % 2);
                ts.Add(TimeSpan.TicksPerDay * (t + 1));
                symbols.Add(sym);
            }
        }

        return new Dataset(values.ToArray(), 2, labels.ToArray(), ts.ToArray(), ts.Select(x => x + TimeSpan.TicksPerDay).ToArray(), symbols.ToArray(), ["f0", "f1"]);
    }

    [Fact]
    public void Windows_hold_the_last_rows_of_the_same_symbol_oldest_first_and_never_a_later_row()
    {
        var data = Panel(10);
        var w = SequenceWindows.Window(data, 3);
        Assert.Equal(2 * 8, w.RowCount); // the first two periods of each symbol lack history
        Assert.Equal(["f0@t-2", "f1@t-2", "f0@t-1", "f1@t-1", "f0@t-0", "f1@t-0"], w.FeatureNames);
        for (var r = 0; r < w.RowCount; r++)
        {
            var row = w.Row(r);
            var t = (int)(w.Timestamps[r] / TimeSpan.TicksPerDay) - 1;
            Assert.Equal([t - 2, t - 1, t], new[] { row[0], row[2], row[4] }.Select(x => (int)x));
            var mark = w.Symbols[r] == "A" ? 0f : 1f;
            Assert.All(new[] { row[1], row[3], row[5] }, m => Assert.Equal(mark, m));
            Assert.Equal(w.Timestamps[r] + TimeSpan.TicksPerDay, w.LabelEndTimes[r]);
        }
    }

    [Fact]
    public void Standardisation_is_fitted_on_the_training_rows_only_so_a_prediction_never_depends_on_other_test_rows()
    {
        var train = SequenceWindows.Window(Panel(120), 4);
        var test = SequenceWindows.Window(Panel(40, offset: 500), 4); // far outside the training range
        using var model = new DeepSequenceModel(new ModelSpec
        {
            Kind = "lstm", Parameters = new Dictionary<string, double> { ["seq_length"] = 4, ["epochs"] = 2, ["hidden"] = 4 },
        });
        model.Fit(train);
        var all = model.Predict(test);
        var firstHalf = model.Predict(test.Subset(Enumerable.Range(0, test.RowCount / 2).ToArray()));
        Assert.Equal(all.Take(firstHalf.Length), firstHalf); // statistics of the test set are never used
        Assert.All(all, p => Assert.InRange(p, 0, 1));

        var dir = Path.Combine(Path.GetTempPath(), "alphatrade-deep-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(dir);
            DeepSequenceModel.Register();
            using var back = ModelFactory.Load(dir);
            Assert.Equal("lstm", back.Kind);
            Assert.Equal(all, back.Predict(test));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
