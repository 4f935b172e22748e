using System.Runtime.CompilerServices;

namespace InfoTheory.Variational.Autodiff;

// <summary>Room for one integer per axis, kept inline so index arithmetic never allocates.</summary>
[InlineArray(Shapes.MaxRank)]
internal struct RankBuffer
{
    private int _element0;
}
