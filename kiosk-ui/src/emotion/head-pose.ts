// The head pose from MediaPipe's facial transformation matrix. Pure logic.

/** Yaw and pitch (degrees) of the head and its position, from the column-major 4x4 matrix. */
export function headPose(matrix: number[]): { yaw: number; pitch: number; x: number; y: number; z: number } {
  if (matrix.length !== 16) throw new Error(`head pose needs a 4x4 matrix, got ${matrix.length} values`);
  // The face's forward axis in camera space is the matrix's third column.
  const [fx, fy, fz] = [matrix[8]!, matrix[9]!, matrix[10]!];
  const deg = 180 / Math.PI;
  return {
    yaw: Math.atan2(fx, fz) * deg,
    pitch: Math.atan2(-fy, Math.hypot(fx, fz)) * deg,
    x: matrix[12]!,
    y: matrix[13]!,
    z: matrix[14]!,
  };
}
