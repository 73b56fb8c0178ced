namespace AlphaTrade.Features.Storage;

/// <summary>
/// The on-disk cache of feature matrices: one Parquet file per (feature set, set hash, data key, precision, labels),
/// e.g. <c>default-3f2a…-9c1d…-f32.parquet</c>. A changed bar, sector, benchmark, alternative-data file or feature
/// parameter changes the key, so a stale matrix is never returned. Files are written atomically.
/// </summary>
public sealed class FeatureCache
{
    /// <summary>Creates a cache rooted at <paramref name="directory"/> (created on first write).</summary>
    public FeatureCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>Cache folder.</summary>
    public string Directory { get; }

    /// <summary>The file a matrix with these keys is cached in.</summary>
    public string PathFor(string setName, string setHash, string dataKey, FeaturePrecision precision, bool labels) =>
        Path.Combine(Directory, $"{setName}-{setHash}-{dataKey}-{(precision == FeaturePrecision.Float32 ? "f32" : "f64")}{(labels ? "-labels" : string.Empty)}.parquet");

    /// <summary>
    /// The cached matrix for <paramref name="plan"/> over <paramref name="universe"/>, or a freshly built one (then
    /// cached). <paramref name="hit"/> tells which.
    /// </summary>
    public FeatureMatrix GetOrBuild(FeaturePlan plan, FeatureUniverse universe, FeatureBuilder builder, FeatureBuildOptions options, out bool hit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        string key = FeatureDataKey.Of(universe, plan.Alt);
        string path = PathFor(plan.Definition.Name, plan.Definition.Hash, key, options.Precision, options.Labels);
        if (File.Exists(path))
        {
            try
            {
                var cached = FeatureParquet.Read(path);
                if (cached.SetHash == plan.Definition.Hash && cached.DataFingerprint == key)
                {
                    hit = true;
                    return cached;
                }
            }
            catch (AlphaTrade.Core.InputException)
            {
                // A damaged cache file is rebuilt, not reported: the cache is an optimisation.
            }
        }

        var matrix = builder.Build(universe, options, cancellationToken);
        FeatureParquet.Write(matrix, path);
        hit = false;
        return matrix;
    }
}
