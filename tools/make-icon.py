# Draws assets/icon.png (run: python3 tools/make-icon.py from the repository root). 128x128 icon: a binary-entropy curve H(p) on a dark blue tile, drawn with stdlib only.
import zlib, struct, math
W=H=128
bg=(24,44,86); fg=(255,196,61); ax=(120,140,180)
px=[[bg]*W for _ in range(H)]
def h(p): return 0.0 if p<=0 or p>=1 else -(p*math.log2(p)+(1-p)*math.log2(1-p))
for y in range(H):
    for x in range(W):
        if y==112 and 12<=x<=116 or x==12 and 12<=y<=112: px[y][x]=ax
for i in range(4000):
    p=i/3999; x=12+p*104; y=112-h(p)*96
    for dy in range(-3,4):
        for dx in range(-3,4):
            if dx*dx+dy*dy<=7:
                xi=int(round(x+dx)); yi=int(round(y+dy))
                if 0<=xi<W and 0<=yi<H: px[yi][xi]=fg
raw=b''.join(b'\x00'+bytes(c for p in row for c in p) for row in px)
def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
png=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',W,H,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
open('assets/icon.png','wb').write(png)
