using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AlphaTrade.Models.Deep;

/// <summary>Bidirectional LSTM over [batch, steps, features]; mean of the outputs over time, then a linear head (one logit or value).</summary>
internal sealed class BiLstmNet : nn.Module<Tensor, Tensor>
{
    private readonly LSTM _lstm;
    private readonly Linear _head;

    public BiLstmNet(int features, int hidden, int layers, double dropout)
        : base(nameof(BiLstmNet))
    {
        _lstm = nn.LSTM(features, hidden, numLayers: layers, batchFirst: true, bidirectional: true, dropout: layers > 1 ? dropout : 0);
        _head = nn.Linear(2 * hidden, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (output, _, _) = _lstm.call(input);
        return _head.call(output.mean([1])).squeeze(-1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Transformer encoder over [batch, steps, features]: a linear projection to the model width plus a learned position
/// embedding, self-attention encoder layers, the last step's state into a linear head.
/// </summary>
internal sealed class TransformerNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear _project;
    private readonly Parameter _position;
    private readonly TransformerEncoder _encoder;
    private readonly Linear _head;

    public TransformerNet(int features, int steps, int width, int heads, int layers, double dropout)
        : base(nameof(TransformerNet))
    {
        _project = nn.Linear(features, width);
        _position = nn.Parameter(torch.randn(steps, 1, width) * 0.02);
        var layer = nn.TransformerEncoderLayer(width, heads, 2 * width, dropout);
        _encoder = nn.TransformerEncoder(layer, layers);
        _head = nn.Linear(width, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _project.call(input).transpose(0, 1) + _position; // [steps, batch, width]
        var encoded = _encoder.call(x);
        return _head.call(encoded[-1]).squeeze(-1).MoveToOuterDisposeScope();
    }
}
