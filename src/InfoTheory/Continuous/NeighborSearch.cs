namespace InfoTheory.Continuous;

/// <summary>How the kNN estimators find neighbours. Both give bit-identical results; only the cost differs.</summary>
public enum NeighborSearch
{
    /// <summary>A k-d tree with tight bounding boxes (a sorted array for one-dimensional spaces, a uniform grid of cells for two-dimensional ones unless the points crowd a few cells): about O(N log N) for the whole estimate in low dimension.</summary>
    KdTree = 0,

    /// <summary>Every pair of points, O(N²): the reference the tree is tested against.</summary>
    BruteForce = 1,
}
