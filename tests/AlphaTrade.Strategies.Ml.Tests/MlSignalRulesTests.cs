using AlphaTrade.Models;

namespace AlphaTrade.Strategies.Ml.Tests;

public sealed class MlSignalRulesTests
{
    [Fact]
    public void Probability_band_keeps_the_middle_flat_and_sizes_by_confidence()
    {
        var rules = new MlSignalRules { LongThreshold = 0.6, ShortThreshold = 0.4, AllowShort = true, Gross = 1.0 };
        double[] p = [0.9, 0.5, 0.7, 0.2, double.NaN];
        var w = new double[5];
        rules.Weights(p, w);

        // Longs: confidences 0.8 and 0.4 share half the gross; the short (confidence 0.6) takes the other half.
        Assert.Equal(0.5 * 0.8 / 1.2, w[0], 12);
        Assert.Equal(0.0, w[1]);
        Assert.Equal(0.5 * 0.4 / 1.2, w[2], 12);
        Assert.Equal(-0.5, w[3], 12);
        Assert.Equal(0.0, w[4]);
    }

    [Fact]
    public void Top_and_bottom_k_keep_the_extremes_with_equal_weights()
    {
        var rules = new MlSignalRules { Task = ModelTask.Regression, LongThreshold = 0.0, ShortThreshold = 0.0, AllowShort = true, TopK = 2, BottomK = 1, Sizing = MlSizing.Equal, Gross = 2.0 };
        double[] r = [0.01, 0.03, -0.02, 0.02, -0.05, 0.005];
        var w = new double[6];
        rules.Weights(r, w);
        Assert.Equal([0.0, 0.5, 0.0, 0.5, -1.0, 0.0], w);
    }

    [Fact]
    public void Without_shorts_low_predictions_stay_flat()
    {
        var rules = new MlSignalRules { LongThreshold = 0.55, ShortThreshold = 0.45 };
        double[] p = [0.1, 0.56];
        var w = new double[2];
        rules.Weights(p, w);
        Assert.Equal([0.0, 1.0], w);
    }
}
