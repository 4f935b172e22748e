namespace InfoTheory.Variational.Autodiff;

// <summary>Something a <see cref="TensorScope"/> hands its pooled storage back for when the scope ends.</summary>
internal interface IReleasable
{
    // <summary>Returns pooled storage; the object is unusable afterwards.</summary>
    void Release();
}
