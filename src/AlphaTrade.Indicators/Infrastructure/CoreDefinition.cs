namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>Lookback of a parameter vector.</summary>
internal delegate int LookbackFunc(ReadOnlySpan<double> p);

/// <summary>Builds a fresh core from a (validated) parameter vector.</summary>
internal delegate TCore CoreFactory<out TCore>(ReadOnlySpan<double> p);

/// <summary>
/// An <see cref="IndicatorDefinition"/> backed by a core: the batch form loops the core (or a bit-identical fast
/// kernel) over each valid segment; the streaming form wraps the same core.
/// </summary>
internal sealed class CoreDefinition<TCore> : IndicatorDefinition
    where TCore : struct, ICore
{
    private readonly LookbackFunc _lookback;
    private readonly CoreFactory<TCore> _factory;
    private readonly SegmentKernel? _kernel;
    private readonly PriceInputs _fixedInputs;
    private PriceField[]? _defaultSources;

    public CoreDefinition(IndicatorInfo info, LookbackFunc lookback, CoreFactory<TCore> factory, SegmentKernel? kernel = null)
    {
        Info = info;
        _lookback = lookback;
        _factory = factory;
        _kernel = kernel;

        // Columns read directly (not through a series mapping).
        _fixedInputs = info.Inputs;
        foreach (var s in info.Series)
        {
            _fixedInputs &= ~ToFlag(s.Default);
        }
    }

    public override IndicatorInfo Info { get; }

    public override int Lookback(ReadOnlySpan<double> parameters)
    {
        Validate(parameters);
        return _lookback(parameters);
    }

    public override void Compute(in OhlcvInput input, ReadOnlySpan<double> parameters, double[][] outputs,
        ReadOnlySpan<PriceField> sources = default)
    {
        Validate(parameters);
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Length != Info.Outputs.Count)
        {
            throw new ArgumentException(FormattableString.Invariant($"{Info.Name} has {Info.Outputs.Count} outputs, got {outputs.Length} arrays."), nameof(outputs));
        }

        var src = Sources(sources);
        var r0 = src.Length > 0 ? Series(input, src[0]) : default;
        var r1 = src.Length > 1 ? Series(input, src[1]) : default;
        var cols = new Columns(input, _fixedInputs, r0, r1);
        var outs = new Outputs(outputs, cols.Length);
        if (_kernel is not null)
        {
            Runner.RunKernel(_kernel, cols, parameters, outs);
        }
        else
        {
            var core = _factory(parameters);
            Runner.Run(ref core, _lookback(parameters), cols, outs);
        }
    }

    public override IIndicatorStream CreateStream(ReadOnlySpan<double> parameters, ReadOnlySpan<PriceField> sources = default)
    {
        Validate(parameters);
        return new CoreStream<TCore>(Info, _factory(parameters), _lookback(parameters), _fixedInputs, Sources(sources));
    }

    public override IIndicatorBank CreateBank(ReadOnlySpan<double> parameters, int symbolCount, ReadOnlySpan<int> members,
        ReadOnlySpan<PriceField> sources = default)
    {
        Validate(parameters);
        var cores = new TCore[symbolCount];
        var isMember = new bool[symbolCount];
        foreach (int id in members)
        {
            cores[id] = _factory(parameters);
            isMember[id] = true;
        }

        return new CoreBank<TCore>(Info, cores, isMember, _lookback(parameters), _fixedInputs, Sources(sources));
    }

    private ReadOnlySpan<PriceField> Sources(ReadOnlySpan<PriceField> sources)
    {
        if (sources.IsEmpty)
        {
            // Cached: batch calls must not allocate beyond what the caller passes.
            return _defaultSources ??= Info.Series.Select(s => s.Default).ToArray();
        }

        if (sources.Length != Info.Series.Count)
        {
            throw new ArgumentException(FormattableString.Invariant($"{Info.Name} takes {Info.Series.Count} series, got {sources.Length} sources."), nameof(sources));
        }

        return sources;
    }

    private static ReadOnlySpan<double> Series(in OhlcvInput input, PriceField f)
    {
        var s = input.Get(f);
        if (s.IsEmpty)
        {
            throw new ArgumentException(FormattableString.Invariant($"The input has no {f} column."));
        }

        return s;
    }

    internal static PriceInputs ToFlag(PriceField f) => f switch
    {
        PriceField.Open => PriceInputs.Open,
        PriceField.High => PriceInputs.High,
        PriceField.Low => PriceInputs.Low,
        PriceField.Close => PriceInputs.Close,
        PriceField.Volume => PriceInputs.Volume,
        _ => PriceInputs.Extra,
    };
}
