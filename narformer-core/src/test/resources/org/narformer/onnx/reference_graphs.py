"""Golden graphs from the official NAR-Former V2 feature code, for ReferenceGraphsIT.

Not part of the build (narformer runs no Python). Regenerate with Debian's python3-onnx (1.12.0) and
python3-networkx (2.8.8):

    python3 reference_graphs.py /work/.mirror/yuny220+NAR-Former-V2/repo out.tsv FILE.onnx...

It loads predictor/feature/{onnx_to_networkx,op_attribute,onnx_shape_infer}.py from the mirrored repository
(bare git, read with `git show`) into a temporary directory, runs onnx2nx, forces the batch dimension as
graph_feature.modify_onnx_batch_size does, runs custom_shape_infer, and writes one row per (file, batch):
node and edge counts plus SHA-256 digests of the sorted node names with op types, of the sorted node names
with output shapes ('-' when the reference's shape inference misses a tensor), and of the sorted edges.
"""
import hashlib
import os
import subprocess
import sys
import tempfile


def load_reference(repo):
    tmp = tempfile.mkdtemp()
    pkg = os.path.join(tmp, 'feature')
    os.makedirs(pkg)
    for name in ['__init__', 'onnx_to_networkx', 'op_attribute', 'onnx_shape_infer']:
        src = subprocess.run(['git', '-C', repo, 'show', 'HEAD:predictor/feature/%s.py' % name],
                             check=True, capture_output=True).stdout
        with open(os.path.join(pkg, name + '.py'), 'wb') as f:
            f.write(src if name != '__init__' else b'')
    sys.path.insert(0, tmp)
    from feature.onnx_to_networkx import onnx2nx
    from feature.onnx_shape_infer import custom_shape_infer
    return onnx2nx, custom_shape_infer


def force_batch(model, batch):
    inits = {i.name for i in model.graph.initializer}
    for v in list(model.graph.input) + list(model.graph.output):
        dims = v.type.tensor_type.shape.dim
        if v.name not in inits and len(dims) > 0:
            dims[0].dim_value = batch


def digest(lines):
    return hashlib.sha256('\n'.join(sorted(lines)).encode()).hexdigest()


def main(repo, out, files):
    onnx2nx, custom_shape_infer = load_reference(repo)
    rows = []
    for path in files:
        for batch in (1, 8):
            pg = onnx2nx(path)
            g = pg.data
            force_batch(pg.onnx_G, batch)
            _, _, shapes = custom_shape_infer(pg.onnx_G)
            types = ['%s\t%s' % (n, g.nodes[n]['attr'].attributes['type']) for n in g.nodes]
            known = all(shapes.get(n) is not None for n in g.nodes)
            dims = ['%s\t%s' % (n, 'x'.join(str(d) for d in (shapes.get(n) or []))) for n in g.nodes]
            edges = ['%s\t%s' % e for e in g.edges]
            rows.append('\t'.join([os.path.basename(path), str(batch), str(g.number_of_nodes()),
                                   str(g.number_of_edges()), digest(types),
                                   digest(dims) if known else '-', digest(edges)]))
    with open(out, 'w') as f:
        f.write('# file\tbatch\tnodes\tedges\tsha256(name,type)\tsha256(name,shape)\tsha256(edges)\n')
        f.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
