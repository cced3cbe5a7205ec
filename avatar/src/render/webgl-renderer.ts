// three.js renderer: the generated head (morph targets, one draw call) over static shoulders,
// soft studio lighting, a transparent background so the page's own backdrop shows through.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Scene,
  WebGLRenderer,
} from 'three';
import type { FacePose } from '../animation/face-animator.ts';
import {
  generateBodyGeometry,
  generateHeadGeometry,
  type HeadGeometryData,
} from '../geometry/head-geometry.ts';
import type { FaceRenderer } from './face-renderer.ts';
import { RenderScale } from './render-scale.ts';

const FOV_DEG = 26;
/** The framing: head and shoulders, from the chest up. */
const FRAME = { centreY: -0.2, height: 3.3, width: 3.0 } as const;
/** Software GL's full pixel ratio, and the lowest the adaptive resolution goes (half of it). */
export const SOFTWARE_PIXEL_RATIO = 0.6;
const MIN_RATIO_FACTOR = 0.5;
/** The head turns about the top of the neck. */
const NECK_PIVOT_Y = -0.62;

function toGeometry(data: HeadGeometryData): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(data.positions, 3));
  g.setAttribute('normal', new BufferAttribute(data.normals, 3));
  g.setAttribute('color', new BufferAttribute(data.colors, 3));
  g.setIndex(new BufferAttribute(data.indices, 1));
  for (const group of data.groups) g.addGroup(group.start, group.count, group.materialIndex);
  if (data.morphTargets.length > 0) {
    g.morphAttributes.position = data.morphTargets.map((t) => {
      const attr = new BufferAttribute(t.deltas, 3);
      attr.name = t.name;
      return attr;
    });
    g.morphTargetsRelative = true;
  }
  g.computeBoundingSphere();
  return g;
}

/**
 * Whether WebGL here is drawn by the CPU (SwiftShader, llvmpipe), probed on a throwaway context before
 * the real one is made, since antialiasing can only be chosen at creation. Throws when there is no WebGL.
 */
function probeSoftwareWebGL(): boolean {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new Error('WebGL 2 is not available');
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

export class WebGLFaceRenderer implements FaceRenderer {
  readonly kind = 'webgl' as const;
  readonly canvas: HTMLCanvasElement;
  readonly software: boolean;
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(FOV_DEG, 1, 0.1, 50);
  private readonly headPivot = new Group();
  private readonly head: Mesh;
  private readonly body: Mesh;
  private readonly material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.62, metalness: 0 });
  /** Eyes get their own glossy material: the key light's highlight is their catchlight. */
  private readonly eyeMaterial = new MeshStandardMaterial({
    vertexColors: true,
    roughness: 0.08,
    metalness: 0,
  });
  /** Adapts the pixel ratio to the page's frame rate; null: a fixed ratio. */
  private readonly scale: RenderScale | null;

  /** Throws when the browser cannot give a WebGL context; the caller then uses the 2D fallback. */
  constructor(adaptive = true) {
    this.software = probeSoftwareWebGL();
    // Software rasterisers pay per pixel and per sample: no MSAA, and fewer pixels, scaled up by the page.
    this.renderer = new WebGLRenderer({
      antialias: !this.software,
      alpha: true,
      powerPreference: 'low-power',
    });
    this.canvas = this.renderer.domElement;
    const full = this.software ? SOFTWARE_PIXEL_RATIO : Math.min(globalThis.devicePixelRatio || 1, 2);
    this.renderer.setPixelRatio(full);
    this.scale = adaptive ? new RenderScale({ max: full, min: full * MIN_RATIO_FACTOR }) : null;
    this.renderer.setClearColor(new Color(0x000000), 0);

    this.head = new Mesh(toGeometry(generateHeadGeometry()), [this.material, this.eyeMaterial]);
    this.head.updateMorphTargets();
    this.head.position.y = -NECK_PIVOT_Y;
    this.headPivot.position.y = NECK_PIVOT_Y;
    this.headPivot.add(this.head);
    this.body = new Mesh(toGeometry(generateBodyGeometry()), this.material);
    this.scene.add(this.headPivot, this.body);

    // Key from upper right, cool fill from the left, warm bounce from below, rim from behind.
    const hemi = new HemisphereLight(0xe8f0ff, 0xc2a593, 1.7);
    const key = new DirectionalLight(0xfff4e8, 2.2);
    key.position.set(2.5, 3, 5);
    const fill = new DirectionalLight(0xd6e4ff, 0.7);
    fill.position.set(-4, 1, 3);
    const rim = new DirectionalLight(0xffffff, 1.2);
    rim.position.set(-2, 3, -4);
    this.scene.add(hemi, key, fill, rim);
  }

  resize(width: number, height: number): void {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    this.renderer.setSize(w, h, false);
    const aspect = w / h;
    this.camera.aspect = aspect;
    // Far enough back that the frame fits both ways, whatever the container's shape.
    const tan = Math.tan(((FOV_DEG / 2) * Math.PI) / 180);
    const distance = Math.max(FRAME.height / 2 / tan, FRAME.width / 2 / (tan * aspect));
    this.camera.position.set(0, FRAME.centreY, distance);
    this.camera.lookAt(0, FRAME.centreY, 0);
    this.camera.updateProjectionMatrix();
  }

  frameGap(gapMs: number): boolean {
    const next = this.scale?.frame(gapMs) ?? null;
    if (next === null) return false;
    // three resizes the drawing buffer to the new ratio; the canvas keeps its CSS size, so the page scales it.
    this.renderer.setPixelRatio(next);
    return true;
  }

  draw(pose: FacePose): void {
    const influences = this.head.morphTargetInfluences;
    const dictionary = this.head.morphTargetDictionary;
    if (influences && dictionary) {
      for (const [name, value] of Object.entries(pose.morphs)) {
        const i = dictionary[name];
        if (i !== undefined) influences[i] = value;
      }
    }
    this.headPivot.rotation.set(pose.head.pitch * -1, pose.head.yaw, pose.head.roll);
    this.headPivot.position.y = NECK_PIVOT_Y + pose.head.lift;
    this.body.position.y = pose.head.lift * 0.6;
    this.renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.head.geometry.dispose();
    this.body.geometry.dispose();
    this.material.dispose();
    this.eyeMaterial.dispose();
    this.renderer.dispose();
    this.canvas.remove();
  }
}
