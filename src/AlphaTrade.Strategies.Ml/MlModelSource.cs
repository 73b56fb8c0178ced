using AlphaTrade.Core;
using AlphaTrade.Features;
using AlphaTrade.Models;
using AlphaTrade.Models.Registry;

namespace AlphaTrade.Strategies.Ml;

/// <summary>A model ready to predict, with its registry entry and the feature plan that feeds it.</summary>
/// <param name="Model">The loaded model (its feature set checked against <paramref name="Plan"/>).</param>
/// <param name="Metadata">The registry entry.</param>
/// <param name="Plan">The compiled feature set whose columns the model reads, in order.</param>
public sealed record MlModelBinding(IModel Model, ModelMetadata Metadata, FeaturePlan Plan);

/// <summary>Where the ML strategy gets its model and features from.</summary>
public interface IMlModelSource
{
    /// <summary>
    /// Loads model <paramref name="reference"/> ("name", "name:3" or "name@production") for the feature set
    /// <paramref name="featureSet"/>. Missing models and feature sets that differ from the model's are
    /// <see cref="InputException"/>s with one line saying what to do.
    /// </summary>
    MlModelBinding Open(string reference, string featureSet);
}

/// <summary>
/// Models from a <see cref="ModelRegistry"/>, feature plans from a function of the set name (the command line compiles
/// config/features/NAME.yaml with its alternative data).
/// </summary>
public sealed class RegistryModelSource : IMlModelSource
{
    private readonly ModelRegistry _registry;
    private readonly Func<string, FeaturePlan> _plans;

    /// <summary>Creates a source over <paramref name="registry"/> and the plan compiler <paramref name="plans"/>.</summary>
    public RegistryModelSource(ModelRegistry registry, Func<string, FeaturePlan> plans)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(plans);
        _registry = registry;
        _plans = plans;
    }

    /// <inheritdoc />
    public MlModelBinding Open(string reference, string featureSet)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ModelMetadata metadata;
        try
        {
            metadata = _registry.Get(reference);
        }
        catch (InputException e)
        {
            var name = reference.Split('@', ':')[0];
            throw new InputException(
                $"ML strategy: model '{reference}' not found ({e.Message}); train it with `alphatrade train --model lightgbm --name {name}` and promote it with `alphatrade models promote {name}:1 --stage production`", e);
        }

        var plan = _plans(featureSet);
        var names = plan.Features.Select(f => f.Name).ToArray();
        var model = _registry.Load(metadata, names);
        return new MlModelBinding(model, metadata, plan);
    }
}

/// <summary>A source that hands out one binding already opened (the command line opens the model before the run starts).</summary>
public sealed class PreloadedModelSource : IMlModelSource
{
    private readonly MlModelBinding _binding;

    /// <summary>Wraps <paramref name="binding"/>.</summary>
    public PreloadedModelSource(MlModelBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        _binding = binding;
    }

    /// <inheritdoc />
    public MlModelBinding Open(string reference, string featureSet) => _binding;
}
